//! Cabin photos, for owners (staff get the 404 of a page that does not exist): uploaded from
//! the setup page, one file per form, and removed one by one. The bot sends them when a guest
//! asks for photos (`conversation::info`), as links to the public route `routes::photos`.
//!
//! An upload is judged by its bytes, never by its name or the type the browser claims:
//! [`check`] reads the format from the first bytes and the dimensions from the header
//! (`imagesize`, no decoding) and keeps JPEG, PNG and WebP of sensible size only. A refused
//! file writes nothing and comes back as a notice saying why; the body's size is bounded before
//! anything is read (`csrf::guard`, `upload::MAX_UPLOAD_BYTES`). Each upload and removal writes
//! its audit row in its transaction; every statement names the account's property, so another
//! property's cabin or photo is a 404.

use std::sync::Arc;

use poem::{
    Body, Request, Response, handler,
    web::{Data, Path},
};
use store::photos::{self, AddRefused, Kind, NewPhoto};

use super::{audit_row, db, failing};
use crate::console::{
    ConsoleError,
    auth::Owner,
    csrf,
    upload::{self, PHOTO_MAX_BYTES},
    views,
};

/// Photos per cabin at most (the bot sends three; the rest are there to choose from).
pub const MAX_PER_CABIN: i64 = 10;
/// The shorter side at least (pixels): smaller is a thumbnail, not a photo of a cabin.
pub const MIN_SIDE: usize = 200;
/// Either side at most (pixels).
pub const MAX_SIDE: usize = 10_000;
/// Pixels at most (a 40-megapixel photo; more is not a phone's or a camera's photo).
pub const MAX_PIXELS: usize = 40_000_000;

/// An upload that passed [`check`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub kind: Kind,
    pub width: u32,
    pub height: u32,
}

/// Why an upload is refused; each has its notice (`views::setup_notice`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// No file in the form, or an empty one.
    Missing,
    /// Over [`PHOTO_MAX_BYTES`].
    Heavy,
    /// Not a JPEG, PNG or WebP by its content (whatever its name says), or unreadable.
    NotAPhoto,
    /// Smaller than [`MIN_SIDE`].
    Tiny,
    /// Over [`MAX_SIDE`] or [`MAX_PIXELS`].
    Huge,
}

impl Refused {
    /// The notice's code in the setup page's address.
    pub fn code(self) -> &'static str {
        match self {
            Refused::Missing => "foto-falta",
            Refused::Heavy => "foto-pesada",
            Refused::NotAPhoto => "foto-tipo",
            Refused::Tiny => "foto-chica",
            Refused::Huge => "foto-grande",
        }
    }
}

/// What the bytes of an upload are, judged by their content alone.
pub fn check(bytes: &[u8]) -> Result<Checked, Refused> {
    if bytes.is_empty() {
        return Err(Refused::Missing);
    }
    if bytes.len() > PHOTO_MAX_BYTES {
        return Err(Refused::Heavy);
    }
    let kind = match imagesize::image_type(bytes) {
        Ok(imagesize::ImageType::Jpeg) => Kind::Jpeg,
        Ok(imagesize::ImageType::Png) => Kind::Png,
        Ok(imagesize::ImageType::Webp) => Kind::Webp,
        _ => return Err(Refused::NotAPhoto),
    };
    let size = imagesize::blob_size(bytes).map_err(|_| Refused::NotAPhoto)?;
    let (w, h) = (size.width, size.height);
    if w.min(h) < MIN_SIDE {
        return Err(Refused::Tiny);
    }
    if w.max(h) > MAX_SIDE || w.saturating_mul(h) > MAX_PIXELS {
        return Err(Refused::Huge);
    }
    let side = |v: usize| u32::try_from(v).map_err(|_| Refused::Huge);
    Ok(Checked {
        kind,
        width: side(w)?,
        height: side(h)?,
    })
}

fn back(code: &str) -> Response {
    views::see_other(&format!("/admin/setup?aviso={code}"))
}

/// `POST /admin/setup/cabins/:id/photos` (multipart: `csrf`, `photo`): a photo added.
#[handler]
pub async fn add(
    Owner(staff): Owner,
    Path(id): Path<String>,
    req: &Request,
    body: Body,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "uploading a photo";
    let cabin: i64 = id.parse().map_err(|_| ConsoleError::NotFound)?;
    let content_type = req.content_type().ok_or(ConsoleError::BadForm)?;
    // The guard read the body whole and bounded; this only splits it.
    let bytes = body
        .into_bytes_limit(upload::MAX_UPLOAD_BYTES)
        .await
        .map_err(|_| ConsoleError::UploadTooLarge)?;
    let parts = match upload::parts(content_type, bytes).await {
        Ok(p) => p,
        Err(upload::UploadError::TooLarge) => return Err(ConsoleError::UploadTooLarge),
        Err(_) => return Err(ConsoleError::BadForm),
    };
    let bytes = parts
        .iter()
        .find(|p| p.name == "photo" && p.file)
        .map_or(&[][..], |p| &p.bytes[..]);
    let checked = match check(bytes) {
        Ok(c) => c,
        Err(refused) => {
            metrics::counter!("fleet_console_refused_total", "reason" => refused.code())
                .increment(1);
            return Ok(back(refused.code()));
        }
    };
    // The public link's secret: random, 256 bits, hex (as form tokens are made).
    let token = csrf::fresh();
    let photo = NewPhoto {
        token: &token,
        kind: checked.kind,
        width: checked.width,
        height: checked.height,
        bytes,
    };
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    let photo_id = match photos::add(
        &mut tx,
        staff.account.property_id,
        cabin,
        &photo,
        MAX_PER_CABIN,
    )
    .await
    {
        Ok(id) => id,
        Err(AddRefused::NoCabin) => return Err(ConsoleError::NotFound),
        Err(AddRefused::Full(_)) => return Ok(back("fotos-llenas")),
        Err(AddRefused::Store(e)) => return Err(ConsoleError::unavailable(WHAT, e)),
    };
    let detail = serde_json::json!({
        "photo_id": photo_id,
        "content_type": checked.kind.content_type(),
        "width": checked.width,
        "height": checked.height,
        "bytes": bytes.len(),
    });
    store::staff::audit(
        &mut *tx,
        audit_row(
            &staff,
            "setup_photo_add",
            &format!("accommodation:{cabin}"),
            &detail,
        ),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back("foto-subida"))
}

/// `POST /admin/setup/photos/:id/remove`.
#[handler]
pub async fn remove(
    Owner(staff): Owner,
    Path(id): Path<String>,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "removing a photo";
    let photo: i64 = id.parse().map_err(|_| ConsoleError::NotFound)?;
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    let Some((cabin, file_name)) = photos::remove(&mut *tx, staff.account.property_id, photo)
        .await
        .map_err(failing(WHAT))?
    else {
        return Err(ConsoleError::NotFound);
    };
    let detail = serde_json::json!({ "photo_id": photo, "file": file_name });
    store::staff::audit(
        &mut *tx,
        audit_row(
            &staff,
            "setup_photo_remove",
            &format!("accommodation:{cabin}"),
            &detail,
        ),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back("foto-borrada"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first bytes of a PNG of `w`×`h`: signature and IHDR (all `imagesize` reads).
    fn png_header(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        b.extend(w.to_be_bytes());
        b.extend(h.to_be_bytes());
        b.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    #[test]
    fn a_photo_is_judged_by_its_bytes_and_its_size() {
        assert_eq!(
            check(&png_header(640, 480)),
            Ok(Checked {
                kind: Kind::Png,
                width: 640,
                height: 480
            })
        );
        assert_eq!(check(&png_header(100, 480)), Err(Refused::Tiny));
        assert_eq!(check(&png_header(12_000, 480)), Err(Refused::Huge));
        assert_eq!(check(&png_header(8_000, 8_000)), Err(Refused::Huge));
        assert_eq!(check(b"hola, esto no es una foto"), Err(Refused::NotAPhoto));
        assert_eq!(check(b"GIF89a\x10\x00\x10\x00"), Err(Refused::NotAPhoto));
        assert_eq!(check(b""), Err(Refused::Missing));
        assert_eq!(check(&vec![0xFF; PHOTO_MAX_BYTES + 1]), Err(Refused::Heavy));
    }
}
