//! `SANDBOX=1`: local stand-ins for the Graph API, Mailgun and Mercado Pago, served by the ingress
//! itself, so the fleet runs end to end with no accounts while the real HTTP clients run.
//! The Graph fake keeps the last messages "sent" in Redis (the guest's phone, so to speak);
//! `GET /sandbox/outbox` reads them back; a spoken reply's upload (`POST …/media`, multipart)
//! is answered with a media id and its size and type kept beside. Never enabled unless
//! `SANDBOX` is set.

use std::{collections::HashMap, sync::Arc};

use jobs::coordination::CappedList;
use poem::{
    handler,
    web::{Data, Form, Json, Path},
};
use serde_json::{Value, json};

use crate::{error::IngressError, state::AppState};

const OUTBOX_LEN: usize = 200;

fn outbox_list(state: &AppState) -> CappedList {
    CappedList::new(&state.queue, "sandbox:outbox", OUTBOX_LEN)
}

/// Records a message the fleet "sent" (newest first, the last [`OUTBOX_LEN`] kept).
async fn keep_in_outbox(state: &AppState, entry: &Value) -> Result<(), IngressError> {
    outbox_list(state)
        .push(&entry.to_string())
        .await
        .map_err(|_| IngressError::Unavailable)
}

#[handler]
pub async fn graph_send(
    Path(phone_number_id): Path<String>,
    Json(message): Json<Value>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Json<Value>, IngressError> {
    let wamid = format!("wamid.sandbox.{}", uuid::Uuid::new_v4().simple());
    let entry = json!({
        "id": wamid,
        "from": phone_number_id,
        "to": message["to"],
        "type": message["type"],
        "text": message["text"]["body"].as_str().or(message["image"]["caption"].as_str()),
        "image": message["image"]["link"],
        "audio": message["audio"]["id"],
        "at_ms": chrono::Utc::now().timestamp_millis(),
    });
    keep_in_outbox(state, &entry).await?;
    Ok(Json(json!({
        "messaging_product": "whatsapp",
        "contacts": [{ "input": message["to"], "wa_id": message["to"] }],
        "messages": [{ "id": wamid }]
    })))
}

/// `POST /sandbox/graph/{phone_number_id}/media`: a voice note's upload, as the Graph API takes
/// it (multipart: `messaging_product`, `type`, `file`); answers `{"id": …}`.
#[handler]
pub async fn graph_media(
    req: &poem::Request,
    Path(phone_number_id): Path<String>,
    body: Vec<u8>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Json<Value>, IngressError> {
    let parts = req
        .content_type()
        .and_then(|ct| form_parts(ct, &body))
        .ok_or(IngressError::BadRequest("not a multipart form"))?;
    let field = |name: &str| parts.iter().find(|p| p.name == name);
    let (Some(file), Some(kind)) = (field("file"), field("type")) else {
        return Err(IngressError::BadRequest("file and type are required"));
    };
    if field("messaging_product").map(|p| p.bytes.as_slice()) != Some(b"whatsapp".as_slice()) {
        return Err(IngressError::BadRequest(
            "messaging_product must be whatsapp",
        ));
    }
    let id = format!("media.sandbox.{}", uuid::Uuid::new_v4().simple());
    let entry = json!({
        "id": id,
        "from": phone_number_id,
        "type": String::from_utf8_lossy(&kind.bytes),
        "bytes": file.bytes.len(),
        "at_ms": chrono::Utc::now().timestamp_millis(),
    });
    CappedList::new(&state.queue, "sandbox:media", OUTBOX_LEN)
        .push(&entry.to_string())
        .await
        .map_err(|_| IngressError::Unavailable)?;
    Ok(Json(json!({ "id": id })))
}

/// One part of a `multipart/form-data` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormPart {
    pub name: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// The parts of a `multipart/form-data` body (RFC 7578) with the `content_type` header it came
/// with; `None` when it is not one. For the fakes of the Graph API's media upload (this
/// sandbox, the tests' through `testkit`).
pub fn form_parts(content_type: &str, body: &[u8]) -> Option<Vec<FormPart>> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))?
        .trim_matches('"');
    if !content_type.trim_start().starts_with("multipart/form-data") || boundary.is_empty() {
        return None;
    }
    let delimiter = format!("--{boundary}").into_bytes();
    let mut parts = Vec::new();
    let mut rest = body;
    let start = find(rest, &delimiter)?;
    rest = &rest[start + delimiter.len()..];
    loop {
        if rest.starts_with(b"--") {
            return Some(parts);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&rest[..head_end]).ok()?;
        let content = &rest[head_end + 4..];
        let end = find(content, &delimiter)?;
        let bytes = content[..end].strip_suffix(b"\r\n")?.to_vec();
        let mut part = FormPart {
            name: String::new(),
            file_name: None,
            content_type: None,
            bytes,
        };
        for line in head.split("\r\n") {
            let (header, value) = line.split_once(':')?;
            if header.eq_ignore_ascii_case("content-type") {
                part.content_type = Some(value.trim().to_owned());
            } else if header.eq_ignore_ascii_case("content-disposition") {
                for param in value.split(';').map(str::trim) {
                    if let Some(v) = param.strip_prefix("name=") {
                        part.name = v.trim_matches('"').to_owned();
                    } else if let Some(v) = param.strip_prefix("filename=") {
                        part.file_name = Some(v.trim_matches('"').to_owned());
                    }
                }
            }
        }
        parts.push(part);
        rest = &content[end + delimiter.len()..];
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `POST /sandbox/mailgun/v3/{domain}/messages`: an email reply, kept in the same outbox.
#[handler]
pub async fn mailgun_send(
    Path(domain): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Json<Value>, IngressError> {
    let id = format!("<{}@{domain}>", uuid::Uuid::new_v4().simple());
    let entry = json!({
        "id": id,
        "from": fields.get("from"),
        "to": fields.get("to"),
        "type": "email",
        "subject": fields.get("subject"),
        "text": fields.get("text"),
        "at_ms": chrono::Utc::now().timestamp_millis(),
    });
    keep_in_outbox(state, &entry).await?;
    Ok(Json(json!({ "id": id, "message": "Queued. Thank you." })))
}

/// The messages the fleet sent, newest first.
#[handler]
pub async fn outbox(Data(state): Data<&Arc<AppState>>) -> Result<Json<Value>, IngressError> {
    let items = outbox_list(state)
        .entries()
        .await
        .map_err(|_| IngressError::Unavailable)?;
    Ok(Json(Value::Array(
        items
            .iter()
            .filter_map(|s| serde_json::from_str(s).ok())
            .collect(),
    )))
}

/// `POST /sandbox/mp/checkout/preferences`: remembers what the link pays for.
#[handler]
pub async fn mp_preference(
    req: &poem::Request,
    Json(body): Json<Value>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Json<Value>, IngressError> {
    let code = body["external_reference"]
        .as_str()
        .ok_or(IngressError::BadRequest("external_reference missing"))?
        .to_owned();
    let amount = body["items"][0]["unit_price"].as_f64().unwrap_or(0.0);
    let currency = body["items"][0]["currency_id"]
        .as_str()
        .unwrap_or("ARS")
        .to_owned();
    let stored = json!({ "external_reference": code, "amount": amount, "currency": currency });
    CappedList::new(&state.queue, &format!("sandbox:mp:pref:{code}"), 1)
        .push(&stored.to_string())
        .await
        .map_err(|_| IngressError::Unavailable)?;
    let host = req.header("host").unwrap_or("127.0.0.1:8080");
    Ok(Json(
        json!({ "id": format!("pref-{code}"), "init_point": format!("http://{host}/sandbox/mp/pay/{code}") }),
    ))
}

#[derive(Debug, serde::Deserialize)]
pub struct PayQuery {
    status: Option<String>,
}

/// `POST /sandbox/mp/pay/{code}[?status=rejected]`: the guest pays the link. Returns the
/// payment id; the payer (`fleetctl simulate`) then sends the signed notification, as MP does.
#[handler]
pub async fn mp_pay(
    Path(code): Path<String>,
    poem::web::Query(q): poem::web::Query<PayQuery>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Json<Value>, IngressError> {
    let pref = CappedList::new(&state.queue, &format!("sandbox:mp:pref:{code}"), 1)
        .entries()
        .await
        .map_err(|_| IngressError::Unavailable)?;
    let pref: Value = pref
        .first()
        .and_then(|p| serde_json::from_str(p).ok())
        .ok_or(IngressError::BadRequest("no such payment link"))?;
    let id: u64 = rand::random_range(10_000_000_000..99_999_999_999);
    let status = q.status.unwrap_or_else(|| "approved".into());
    let payment = json!({
        "id": id, "status": status,
        "status_detail": if status == "approved" { "accredited" } else { "cc_rejected_other_reason" },
        "external_reference": code, "transaction_amount": pref["amount"], "currency_id": pref["currency"],
        "date_approved": (status == "approved").then(|| chrono::Utc::now().to_rfc3339()),
    });
    CappedList::new(&state.queue, &format!("sandbox:mp:payment:{id}"), 1)
        .push(&payment.to_string())
        .await
        .map_err(|_| IngressError::Unavailable)?;
    Ok(Json(
        json!({ "payment_id": id.to_string(), "status": status }),
    ))
}

/// `GET /sandbox/mp/v1/payments/{id}`, as the real API answers it.
#[handler]
pub async fn mp_payment(
    Path(id): Path<String>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Json<Value>, poem::Error> {
    let stored = CappedList::new(&state.queue, &format!("sandbox:mp:payment:{id}"), 1)
        .entries()
        .await
        .map_err(|_| IngressError::Unavailable)?;
    match stored
        .first()
        .and_then(|p| serde_json::from_str::<Value>(p).ok())
    {
        Some(payment) => Ok(Json(payment)),
        None => Err(poem::Error::from_status(poem::http::StatusCode::NOT_FOUND)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_media_upload_form_is_read_part_by_part() {
        let body = b"--b1\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n\
--b1\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\naudio/ogg\r\n\
--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"reply.ogg\"\r\nContent-Type: audio/ogg\r\n\r\nOggS\r\n\x00\r\n--b1--\r\n";
        let parts = form_parts("multipart/form-data; boundary=b1", body).unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].name, "messaging_product");
        assert_eq!(parts[0].bytes, b"whatsapp");
        assert_eq!(parts[2].file_name.as_deref(), Some("reply.ogg"));
        assert_eq!(parts[2].content_type.as_deref(), Some("audio/ogg"));
        assert_eq!(parts[2].bytes, b"OggS\r\n\x00");
        assert_eq!(form_parts("application/json", body), None);
        assert_eq!(
            form_parts("multipart/form-data; boundary=b1", b"junk"),
            None
        );
    }
}
