//! QloApps webservice API behind its circuit breaker: a hotel's availability night by night
//! (`hotel_ari`), and its bookings (`bookings`: create, read, change status).
//!
//! The shapes are QloApps' own (see `channels/tests/data/qloapps/SOURCE.md` for the PHP that
//! renders each): the key is the HTTP Basic user, answers are asked as JSON
//! (`output_format=JSON`); `hotel_ari` takes an XML body, `bookings` a JSON one.
//!
//! Idempotency: QloApps has no idempotency key, so a booking carries our reservation code in
//! its `remark` (`fleet:<code>`, kept by QloApps as the order's customer message and shown in
//! `associations.remarks`). Before creating, a caller that may have created already (a retry
//! after an unanswered request) asks [`Qloapps::find_booking`], which looks for that remark
//! among the newest bookings.
//!
//! This module never logs the key, never retries and never decides what a refusal means for
//! the guest: it says what QloApps answered, as a [`ChannelError`] or typed values.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ChannelError, check_status, guard::Guard, transport};

/// A QloApps answer's body, once its status says it is one (`check_status`: 4xx refused, 5xx
/// and 429 to retry).
async fn answer_text(response: reqwest::Response) -> Result<String, ChannelError> {
    check_status(DEP, response)
        .await?
        .text()
        .await
        .map_err(|e| transport(DEP, e))
}

const DEP: &str = "qloapps";

/// How many of the newest bookings [`Qloapps::find_booking`] reads looking for a code: a retry
/// follows its lost request within minutes, so its booking is among the last few made.
const FIND_AMONG_NEWEST: usize = 10;

/// Availability is asked inside a guest's turn (its transaction open, the conversation
/// locked), so it gets less time than other calls; without an answer the turn offers on the
/// fleet's own nights and the booking step asks QloApps again.
const AVAILABILITY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// `booking_status` values of the bookings API (`API_BOOKING_STATUS_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingStatus {
    New = 1,
    Completed = 2,
    Cancelled = 3,
}

/// `payment_status` "awaiting" (`API_BOOKING_PAYMENT_STATUS_AWATING`): the fleet's deposit is
/// paid through Mercado Pago, QloApps is told when it is.
const PAYMENT_AWAITING: u8 = 3;

#[derive(Clone)]
pub struct Qloapps {
    http: reqwest::Client,
    /// The shop's base URL; resources are under `<base>/api/`.
    base: String,
    key: SecretString,
    guard: Guard,
}

/// One night of one room type: how many of its rooms are free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Night {
    pub date: NaiveDate,
    pub room_type_id: i64,
    pub available: u32,
}

/// A booking to create: one room of one room type for a stay.
#[derive(Debug, Clone)]
pub struct NewBooking<'a> {
    /// Our reservation code: written into the booking's remark, so a retry can find it.
    pub code: &'a str,
    pub hotel_id: i64,
    pub room_type_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: u16,
    pub guest_name: Option<&'a str>,
    pub guest_phone: Option<&'a str>,
    pub guest_email: Option<&'a str>,
    pub currency: &'a str,
    pub total: booking::Money,
}

/// A booking as QloApps shows it (`GET /api/bookings/{id}`), the fields the fleet acts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Booking {
    pub id: i64,
    pub hotel_id: i64,
    pub remarks: Vec<String>,
    pub customer_email: String,
    pub room_types: Vec<BookedRoomType>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookedRoomType {
    pub room_type_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub rooms: u32,
}

impl Booking {
    /// Whether this is the booking made for our reservation `code`.
    pub fn is_for(&self, code: &str) -> bool {
        let remark = remark_of(code);
        self.remarks.iter().any(|r| r.trim() == remark)
    }
}

fn remark_of(code: &str) -> String {
    format!("fleet:{code}")
}

impl Qloapps {
    pub fn new(base: impl Into<String>, key: SecretString, guard: Guard) -> Self {
        Qloapps {
            http: super::http_client(),
            base: base.into().trim_end_matches('/').to_owned(),
            key,
            guard,
        }
    }

    fn url(&self, resource: &str) -> String {
        format!("{}/api/{resource}", self.base)
    }

    fn request(&self, method: reqwest::Method, resource: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, self.url(resource))
            .query(&[("output_format", "JSON")])
            .basic_auth(self.key.expose_secret(), Some(""))
    }

    /// `POST /api/hotel_ari` with `date_wise_breakdown`: the free rooms of `room_type_id` (every
    /// room type of the hotel when `None`) each night from `from` to `to` (exclusive).
    pub async fn availability(
        &self,
        hotel_id: i64,
        room_type_id: Option<i64>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Night>, ChannelError> {
        let body = ari_request(hotel_id, room_type_id, from, to);
        self.guard
            .call(async {
                let response = self
                    .request(reqwest::Method::POST, "hotel_ari")
                    .header(reqwest::header::CONTENT_TYPE, "application/xml")
                    .timeout(AVAILABILITY_TIMEOUT)
                    .body(body)
                    .send()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                let text = answer_text(response).await?;
                parse_ari(&text)
            })
            .await
    }

    /// `POST /api/bookings`: the booking, with our code in its remark. QloApps answers 400
    /// ("Requested room(s) not available.") when the room type has no free room: a
    /// [`ChannelError::Permanent`].
    pub async fn create_booking(&self, new: &NewBooking<'_>) -> Result<Booking, ChannelError> {
        let body = booking_request(new);
        self.guard
            .call(async {
                let response = self
                    .request(reqwest::Method::POST, "bookings")
                    .json(&body)
                    .send()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                let text = answer_text(response).await?;
                // QloApps said yes but in words we cannot read: the booking may exist, so this
                // is no refusal (which would release our hold) but an answer lost.
                parse_booking(&text).map_err(|e| ChannelError::Unanswered {
                    dependency: DEP,
                    message: e.to_string(),
                })
            })
            .await
    }

    /// `GET /api/bookings/{id}`; `None` when QloApps does not know it (404).
    pub async fn booking(&self, id: i64) -> Result<Option<Booking>, ChannelError> {
        self.guard
            .call(async {
                let response = self
                    .request(reqwest::Method::GET, &format!("bookings/{id}"))
                    .send()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                if response.status() == reqwest::StatusCode::NOT_FOUND {
                    return Ok(None);
                }
                let text = answer_text(response).await?;
                parse_booking(&text).map(Some)
            })
            .await
    }

    /// The booking made for our reservation `code`, looked for among the newest bookings
    /// (`GET /api/bookings`, then each of the last few): how a retry after an unanswered
    /// create finds what that create made instead of making a second.
    pub async fn find_booking(&self, code: &str) -> Result<Option<Booking>, ChannelError> {
        let ids = self
            .guard
            .call(async {
                let response = self
                    .request(reqwest::Method::GET, "bookings")
                    .send()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                let text = answer_text(response).await?;
                parse_booking_ids(&text)
            })
            .await?;
        for id in ids.iter().rev().take(FIND_AMONG_NEWEST) {
            if let Some(booking) = self.booking(*id).await?
                && booking.is_for(code)
            {
                return Ok(Some(booking));
            }
        }
        Ok(None)
    }

    /// `PUT /api/bookings/{id}` with `booking_status`: QloApps wants the booking's rooms and
    /// customer again with the change, so they are sent as it showed them.
    pub async fn set_status(
        &self,
        booking: &Booking,
        status: BookingStatus,
    ) -> Result<(), ChannelError> {
        let body = status_request(booking, status);
        self.guard
            .call(async {
                let response = self
                    .request(reqwest::Method::PUT, &format!("bookings/{}", booking.id))
                    .json(&body)
                    .send()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                check_status(DEP, response).await?;
                Ok(())
            })
            .await
    }
}

/// The `hotel_ari` request body (XML: the only body that resource reads).
pub fn ari_request(
    hotel_id: i64,
    room_type_id: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> String {
    let room_type = room_type_id
        .map(|r| format!("<id_room_type>{r}</id_room_type>"))
        .unwrap_or_default();
    format!(
        "<qloapps><hotel_ari><id_hotel>{hotel_id}</id_hotel>{room_type}\
         <date_from>{from}</date_from><date_to>{to}</date_to><get_available_rooms>1</get_available_rooms>\
         <date_wise_breakdown>1</date_wise_breakdown></hotel_ari></qloapps>"
    )
}

/// The `bookings` create body.
pub fn booking_request(new: &NewBooking<'_>) -> Value {
    // QloApps requires a customer with a name, an email and a phone; a WhatsApp guest may have
    // given only a first name and no email: a per-reservation address on a reserved domain
    // keeps QloApps from merging different guests into one customer.
    let name = new.guest_name.map(str::trim).filter(|n| !n.is_empty());
    let (first, last) = match name.and_then(|n| n.split_once(' ')) {
        Some((f, l)) => (f.to_owned(), l.trim().to_owned()),
        None => (
            name.unwrap_or("Huésped").to_owned(),
            new.guest_phone
                .map(|p| {
                    let last: String = p
                        .chars()
                        .skip(p.chars().count().saturating_sub(4))
                        .collect();
                    format!("WhatsApp {last}")
                })
                .unwrap_or_else(|| "Fleet".to_owned()),
        ),
    };
    let email = new
        .guest_email
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{}@guests.fleet.invalid", new.code));
    json!({"booking": {
        "id_property": new.hotel_id,
        "currency": new.currency,
        "booking_status": BookingStatus::New as u8,
        "payment_status": PAYMENT_AWAITING,
        "source": "fleet",
        "remark": remark_of(new.code),
        "associations": {
            "customer_detail": {
                "firstname": first,
                "lastname": last,
                "email": email,
                "phone": new.guest_phone.unwrap_or(""),
            },
            "price_details": {
                "total_paid": 0,
                "total_price_with_tax": amount(new.total),
            },
            "room_types": [{
                "id_room_type": new.room_type_id,
                "checkin_date": new.check_in.to_string(),
                "checkout_date": new.check_out.to_string(),
                "number_of_rooms": 1,
                "rooms": [{ "adults": new.adults, "child": 0 }],
            }],
        },
    }})
}

/// An amount as QloApps prices are written: whole units as integers, cents as a decimal.
fn amount(m: booking::Money) -> Value {
    let cents = m.cents();
    if cents % 100 == 0 {
        json!(cents / 100)
    } else {
        json!(cents as f64 / 100.0)
    }
}

fn status_request(booking: &Booking, status: BookingStatus) -> Value {
    let room_types: Vec<Value> = booking
        .room_types
        .iter()
        .map(|r| {
            json!({
                "id_room_type": r.room_type_id,
                "checkin_date": r.check_in.to_string(),
                "checkout_date": r.check_out.to_string(),
                "number_of_rooms": r.rooms,
            })
        })
        .collect();
    json!({"booking": {
        "id": booking.id,
        "id_property": booking.hotel_id,
        "booking_status": status as u8,
        "associations": {
            "customer_detail": { "email": booking.customer_email },
            "room_types": room_types,
        },
    }})
}

fn unexpected(what: &str, e: impl std::fmt::Display) -> ChannelError {
    ChannelError::Permanent {
        dependency: DEP,
        message: format!("unexpected {what}: {e}"),
    }
}

/// QloApps writes ids read from MySQL as strings and computed ones as numbers.
fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A date or a `Y-m-d H:i:s` datetime, as QloApps writes stay dates.
fn date(v: &Value) -> Option<NaiveDate> {
    let s = v.as_str()?;
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The `hotel_ari` answer with `date_wise_breakdown`: one entry per night and room type.
pub fn parse_ari(text: &str) -> Result<Vec<Night>, ChannelError> {
    #[derive(Deserialize)]
    struct Answer {
        hotel_aris: Vec<Value>,
    }
    let answer: Answer = serde_json::from_str(text).map_err(|e| unexpected("hotel_ari", e))?;
    let mut nights = Vec::new();
    for day in &answer.hotel_aris {
        let date = date(&day["date_from"]).ok_or_else(|| unexpected("hotel_ari", "no date"))?;
        // A night with no room type at all (`rm_data` empty) has nothing free.
        let Some(room_types) = day["room_types"].as_array() else {
            continue;
        };
        for rt in room_types {
            let room_type_id =
                int(&rt["id_room_type"]).ok_or_else(|| unexpected("hotel_ari", "no room type"))?;
            // PHP writes the rooms keyed by id as an object, and an empty list as `[]`.
            let available = match &rt["rooms"]["available"] {
                Value::Object(m) => m.len(),
                Value::Array(a) => a.len(),
                _ => 0,
            };
            nights.push(Night {
                date,
                room_type_id,
                available: u32::try_from(available).unwrap_or(u32::MAX),
            });
        }
    }
    Ok(nights)
}

/// A `bookings/{id}` answer (also what a create or a change answers).
pub fn parse_booking(text: &str) -> Result<Booking, ChannelError> {
    let v: Value = serde_json::from_str(text).map_err(|e| unexpected("booking", e))?;
    let b = &v["booking"];
    let id = int(&b["id"]).ok_or_else(|| unexpected("booking", "no id"))?;
    let a = &b["associations"];
    let remarks = a["remarks"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|m| m.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let mut room_types = BTreeMap::new();
    for rt in a["room_types"].as_array().into_iter().flatten() {
        let (Some(room_type_id), Some(check_in), Some(check_out)) = (
            int(&rt["id_room_type"]),
            date(&rt["checkin_date"]),
            date(&rt["checkout_date"]),
        ) else {
            return Err(unexpected("booking", "room type without id or dates"));
        };
        let rooms = int(&rt["number_of_rooms"]).unwrap_or(1);
        room_types.insert(
            (room_type_id, check_in, check_out),
            BookedRoomType {
                room_type_id,
                check_in,
                check_out,
                rooms: u32::try_from(rooms).unwrap_or(1),
            },
        );
    }
    Ok(Booking {
        id,
        hotel_id: int(&b["id_property"]).unwrap_or_default(),
        remarks,
        customer_email: a["customer_detail"]["email"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        room_types: room_types.into_values().collect(),
    })
}

/// The `bookings` list: every booking's id, oldest first.
pub fn parse_booking_ids(text: &str) -> Result<Vec<i64>, ChannelError> {
    let v: Value = serde_json::from_str(text).map_err(|e| unexpected("bookings", e))?;
    // No booking at all: PHP renders no `bookings` key (`[]`).
    let mut ids: Vec<i64> = v["bookings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|b| int(&b["id"]))
        .collect();
    ids.sort_unstable();
    Ok(ids)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    const ARI: &str = include_str!("../tests/data/qloapps/hotel_ari_breakdown.json");
    const ARI_REQUEST: &str = include_str!("../tests/data/qloapps/hotel_ari_request.xml");
    const BOOKING: &str = include_str!("../tests/data/qloapps/booking.json");
    const CREATE: &str = include_str!("../tests/data/qloapps/booking_create_request.json");
    const LIST: &str = include_str!("../tests/data/qloapps/bookings_list.json");

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn availability_is_read_night_by_night_from_either_shape_of_rooms() {
        let nights = parse_ari(ARI).unwrap();
        let free: Vec<(NaiveDate, u32)> = nights.iter().map(|n| (n.date, n.available)).collect();
        assert_eq!(
            free,
            vec![
                (d("2027-01-10"), 1),
                (d("2027-01-11"), 0),
                (d("2027-01-12"), 1)
            ]
        );
        assert!(nights.iter().all(|n| n.room_type_id == 11));
    }

    #[test]
    fn an_answer_that_is_not_availability_is_refused_not_read_as_free() {
        assert!(matches!(
            parse_ari(r#"{"errors":[{"code":85,"message":"x"}]}"#),
            Err(ChannelError::Permanent { .. })
        ));
    }

    #[test]
    fn the_availability_request_is_the_fixture() {
        assert_eq!(
            ari_request(1, Some(11), d("2027-01-10"), d("2027-01-13")),
            ARI_REQUEST.trim()
        );
        assert!(
            !ari_request(1, None, d("2027-01-10"), d("2027-01-13")).contains("id_room_type"),
            "every room type of the hotel"
        );
    }

    #[test]
    fn a_booking_is_read_with_its_remark_rooms_and_customer() {
        let b = parse_booking(BOOKING).unwrap();
        assert_eq!(b.id, 42);
        assert_eq!(b.hotel_id, 1);
        assert!(b.is_for("RES270110001"));
        assert!(!b.is_for("RES270110002"));
        assert_eq!(b.customer_email, "RES270110001@guests.fleet.invalid");
        assert_eq!(
            b.room_types,
            vec![BookedRoomType {
                room_type_id: 11,
                check_in: d("2027-01-10"),
                check_out: d("2027-01-12"),
                rooms: 1
            }]
        );
    }

    #[test]
    fn the_create_request_is_the_fixture() {
        let body = booking_request(&NewBooking {
            code: "RES270110001",
            hotel_id: 1,
            room_type_id: 11,
            check_in: d("2027-01-10"),
            check_out: d("2027-01-12"),
            adults: 2,
            guest_name: None,
            guest_phone: Some("5491155551234"),
            guest_email: None,
            currency: "ARS",
            total: booking::Money::from_cents(10_000_000),
        });
        let fixture: Value = serde_json::from_str(CREATE).unwrap();
        assert_eq!(body, fixture);
    }

    #[test]
    fn the_booking_list_is_ids_oldest_first() {
        assert_eq!(parse_booking_ids(LIST).unwrap(), vec![40, 41, 42]);
        assert_eq!(parse_booking_ids("[]").unwrap(), Vec::<i64>::new());
    }

    #[test]
    fn a_cancellation_sends_the_rooms_back_with_the_status() {
        let b = parse_booking(BOOKING).unwrap();
        let body = status_request(&b, BookingStatus::Cancelled);
        assert_eq!(body["booking"]["booking_status"], 3);
        assert_eq!(body["booking"]["id"], 42);
        assert_eq!(
            body["booking"]["associations"]["room_types"][0]["checkin_date"],
            "2027-01-10"
        );
    }
}
