//! (feature `fleet`) A QloApps hotel's webservice on loopback, for the PMS adapter's tests and
//! benchmark: `hotel_ari` (availability night by night), `bookings` (create, list, read, change
//! status), answering in QloApps' own shapes. Its answers are the fixtures of
//! `channels/tests/data/qloapps/` (payloads derived from the QloApps source; see `SOURCE.md`
//! there) with the fake hotel's rooms, dates and ids filled in.
//!
//! It keeps its bookings, so it refuses a room type whose rooms are all booked on a night
//! ("Requested room(s) not available.", HTTP 400, as QloApps does); it can be made to fail
//! (HTTP 500 on every call) or to refuse every booking.

use std::sync::{Arc, Mutex};

use chrono::{Duration, NaiveDate};
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request, ResponseTemplate, matchers::path_regex};

const BOOKING: &str = include_str!("../../channels/tests/data/qloapps/booking.json");
const ARI: &str = include_str!("../../channels/tests/data/qloapps/hotel_ari_breakdown.json");
const NOT_AVAILABLE: &str =
    include_str!("../../channels/tests/data/qloapps/error_not_available.json");

/// The webservice key the fake accepts (HTTP Basic user, empty password).
pub const KEY: &str = "TEST-qlo-key";

/// A booking the fake hotel holds.
#[derive(Debug, Clone, PartialEq)]
pub struct FakeBooking {
    pub id: i64,
    pub room_type_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    /// `booking_status` as last set: 1 new, 2 completed, 3 cancelled.
    pub status: i64,
    pub remark: String,
}

#[derive(Default)]
struct Hotel {
    hotel_id: i64,
    /// `(room type id, name, rooms)`.
    room_types: Vec<(i64, String, u32)>,
    bookings: Vec<FakeBooking>,
    down: bool,
    refuse: bool,
    /// The next booking is made, then answered 500 (its answer lost, as after a PHP fatal).
    lose_next_answer: bool,
}

impl Hotel {
    fn booked(&self, room_type_id: i64, night: NaiveDate) -> u32 {
        let n = self
            .bookings
            .iter()
            .filter(|b| {
                b.status != 3
                    && b.room_type_id == room_type_id
                    && b.check_in <= night
                    && night < b.check_out
            })
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    fn rooms(&self, room_type_id: i64) -> u32 {
        self.room_types
            .iter()
            .find(|r| r.0 == room_type_id)
            .map_or(0, |r| r.2)
    }

    fn free(&self, room_type_id: i64, from: NaiveDate, to: NaiveDate) -> bool {
        let mut night = from;
        while night < to {
            if self.booked(room_type_id, night) >= self.rooms(room_type_id) {
                return false;
            }
            night += Duration::days(1);
        }
        true
    }
}

/// The fake hotel and its server.
pub struct QloappsFake {
    pub server: MockServer,
    hotel: Arc<Mutex<Hotel>>,
}

impl QloappsFake {
    /// A hotel `hotel_id` with `room_types` (`(id, name, rooms)`), up and booking.
    pub async fn start(hotel_id: i64, room_types: &[(i64, &str, u32)]) -> QloappsFake {
        let hotel = Arc::new(Mutex::new(Hotel {
            hotel_id,
            room_types: room_types
                .iter()
                .map(|(id, name, rooms)| (*id, (*name).to_owned(), *rooms))
                .collect(),
            ..Hotel::default()
        }));
        let server = MockServer::start().await;
        let h = hotel.clone();
        Mock::given(path_regex(r"^/api/"))
            .respond_with(move |req: &Request| answer(&h, req))
            .mount(&server)
            .await;
        QloappsFake { server, hotel }
    }

    /// What the workers' `QLOAPPS_URL` is.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    fn with<T>(&self, f: impl FnOnce(&mut Hotel) -> T) -> T {
        let mut hotel = self.hotel.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut hotel)
    }

    /// Every call answers 500 (`true`) or is served again (`false`).
    pub fn set_down(&self, down: bool) {
        self.with(|h| h.down = down);
    }

    /// Every booking is refused as not available, whatever the rooms.
    pub fn refuse_bookings(&self, refuse: bool) {
        self.with(|h| h.refuse = refuse);
    }

    /// The next booking created is kept but answered with a 500, as if its answer were lost.
    pub fn lose_next_answer(&self) {
        self.with(|h| h.lose_next_answer = true);
    }

    /// A booking made at the hotel's front desk (not through the fleet).
    pub fn book_at_desk(&self, room_type_id: i64, check_in: NaiveDate, check_out: NaiveDate) {
        self.with(|h| {
            let id = next_id(h);
            h.bookings.push(FakeBooking {
                id,
                room_type_id,
                check_in,
                check_out,
                status: 1,
                remark: "front desk".into(),
            });
        });
    }

    pub fn bookings(&self) -> Vec<FakeBooking> {
        self.with(|h| h.bookings.clone())
    }

    /// How many requests reached the fake (every path).
    pub async fn calls(&self) -> usize {
        self.server.received_requests().await.map_or(0, |r| r.len())
    }

    /// How many `hotel_ari` requests reached the fake.
    pub async fn availability_calls(&self) -> usize {
        self.server.received_requests().await.map_or(0, |r| {
            r.iter()
                .filter(|r| r.url.path() == "/api/hotel_ari")
                .count()
        })
    }
}

fn next_id(h: &Hotel) -> i64 {
    h.bookings.iter().map(|b| b.id).max().unwrap_or(41) + 1
}

fn answer(hotel: &Mutex<Hotel>, req: &Request) -> ResponseTemplate {
    let mut h = hotel.lock().unwrap_or_else(|p| p.into_inner());
    if h.down {
        return ResponseTemplate::new(500).set_body_string("Internal Server Error");
    }
    let expected = format!("Basic {}", basic(KEY));
    if req
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        != Some(expected.as_str())
    {
        return error(401, 17, "Authentication key is empty");
    }
    if !req
        .url
        .query_pairs()
        .any(|(k, v)| (k == "output_format" || k == "io_format") && v == "JSON")
    {
        // The fake speaks only JSON; QloApps would answer XML.
        return ResponseTemplate::new(406);
    }
    let path = req.url.path().trim_start_matches("/api/").to_owned();
    let segments: Vec<&str> = path.split('/').collect();
    match (req.method.as_str(), segments.as_slice()) {
        ("POST", ["hotel_ari"]) => ari(&h, &String::from_utf8_lossy(&req.body)),
        ("POST", ["bookings"]) => create(&mut h, &req.body),
        ("GET", ["bookings"]) => ResponseTemplate::new(200).set_body_json(json!({
            "bookings": h.bookings.iter().map(|b| json!({"id": b.id})).collect::<Vec<_>>()
        })),
        ("GET", ["bookings", id]) => match find(&h, id) {
            Some(b) => ResponseTemplate::new(200).set_body_json(render(&h, b)),
            None => ResponseTemplate::new(404),
        },
        ("PUT", ["bookings", id]) => {
            let body: Value = serde_json::from_slice(&req.body).unwrap_or_default();
            let Some(status) = body["booking"]["booking_status"].as_i64() else {
                return error(400, 404, "Invalid booking status.");
            };
            let Some(i) = id
                .parse::<i64>()
                .ok()
                .and_then(|id| h.bookings.iter().position(|b| b.id == id))
            else {
                return error(400, 404, "Booking not found.");
            };
            h.bookings[i].status = status;
            let b = h.bookings[i].clone();
            ResponseTemplate::new(200).set_body_json(render(&h, &b))
        }
        _ => error(405, 23, "Method not valid"),
    }
}

fn find<'a>(h: &'a Hotel, id: &str) -> Option<&'a FakeBooking> {
    let id: i64 = id.parse().ok()?;
    h.bookings.iter().find(|b| b.id == id)
}

fn error(status: u16, code: i64, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_json(json!({"errors": [{"code": code, "message": message}]}))
}

/// The value of an XML element in the `hotel_ari` request (QloApps reads that body as XML).
fn tag<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&format!("</{name}>"))? + start;
    Some(xml[start..end].trim())
}

fn ari(h: &Hotel, xml: &str) -> ResponseTemplate {
    let (Some(from), Some(to)) = (
        tag(xml, "date_from").and_then(|d| d.parse::<NaiveDate>().ok()),
        tag(xml, "date_to").and_then(|d| d.parse::<NaiveDate>().ok()),
    ) else {
        return error(
            400,
            85,
            "Validation error: ARI search parameters are missing.",
        );
    };
    if to <= from {
        return error(
            400,
            85,
            "Validation error: \"Date to\" must be after \"date from\"",
        );
    }
    let only: Option<i64> = tag(xml, "id_room_type").and_then(|r| r.parse().ok());
    let template: Value = serde_json::from_str(ARI).unwrap_or_default();
    let night_template = &template["hotel_aris"][0];
    let room_type_template = &night_template["room_types"][0];
    let mut nights = Vec::new();
    let mut night = from;
    while night < to {
        let mut entry = night_template.clone();
        entry["id_hotel"] = json!(h.hotel_id.to_string());
        entry["date_from"] = json!(night.to_string());
        entry["date_to"] = json!((night + Duration::days(1)).to_string());
        let mut total = 0;
        let mut free_total = 0;
        let mut room_types = Vec::new();
        for (id, name, rooms) in &h.room_types {
            if only.is_some_and(|o| o != *id) {
                continue;
            }
            let free = rooms.saturating_sub(h.booked(*id, night));
            total += rooms;
            free_total += free;
            let mut rt = room_type_template.clone();
            rt["id_room_type"] = json!(id.to_string());
            rt["name"] = json!(name);
            // Rooms keyed by id (an object), or `[]` when none is free: as PHP renders them.
            rt["rooms"]["available"] = if free == 0 {
                json!([])
            } else {
                Value::Object(
                    (1..=free)
                        .map(|n| {
                            let room = id * 100 + i64::from(n);
                            (
                                room.to_string(),
                                json!({"id_room": room.to_string(), "room_num": format!("R-{room}")}),
                            )
                        })
                        .collect(),
                )
            };
            room_types.push(rt);
        }
        entry["total_rooms"] = json!(total);
        entry["total_available_rooms"] = json!(free_total);
        entry["room_types"] = json!(room_types);
        nights.push(entry);
        night += Duration::days(1);
    }
    ResponseTemplate::new(200).set_body_json(json!({ "hotel_aris": nights }))
}

fn create(h: &mut Hotel, body: &[u8]) -> ResponseTemplate {
    let body: Value = serde_json::from_slice(body).unwrap_or_default();
    let b = &body["booking"];
    if b.get("id").is_some() {
        return error(400, 404, "id is forbidden when adding a new resource");
    }
    if b["id_property"].as_i64() != Some(h.hotel_id) {
        return error(400, 404, "Please provide a valid id_property.");
    }
    let customer = &b["associations"]["customer_detail"];
    for field in ["firstname", "lastname", "email"] {
        if customer[field].as_str().is_none_or(|v| v.trim().is_empty()) {
            return error(400, 404, &format!("Please provide a valid {field}."));
        }
    }
    let rt = &b["associations"]["room_types"][0];
    let (Some(room_type_id), Some(check_in), Some(check_out)) = (
        rt["id_room_type"].as_i64(),
        rt["checkin_date"]
            .as_str()
            .and_then(|d| d.parse::<NaiveDate>().ok()),
        rt["checkout_date"]
            .as_str()
            .and_then(|d| d.parse::<NaiveDate>().ok()),
    ) else {
        return error(400, 404, "Rooms not found in the request.");
    };
    if h.refuse || !h.free(room_type_id, check_in, check_out) {
        return ResponseTemplate::new(400).set_body_string(NOT_AVAILABLE);
    }
    let booking = FakeBooking {
        id: next_id(h),
        room_type_id,
        check_in,
        check_out,
        status: b["booking_status"].as_i64().unwrap_or(1),
        remark: b["remark"].as_str().unwrap_or_default().to_owned(),
    };
    h.bookings.push(booking.clone());
    if std::mem::take(&mut h.lose_next_answer) {
        return ResponseTemplate::new(500).set_body_string("Fatal error");
    }
    ResponseTemplate::new(200).set_body_json(render(h, &booking))
}

/// `GET /api/bookings/{id}` of `b`, from the fixture.
fn render(h: &Hotel, b: &FakeBooking) -> Value {
    let mut v: Value = serde_json::from_str(BOOKING).unwrap_or_default();
    let booking = &mut v["booking"];
    booking["id"] = json!(b.id);
    booking["id_property"] = json!(h.hotel_id);
    let a = &mut booking["associations"];
    a["remarks"] = json!([b.remark]);
    let rt = &mut a["room_types"][0];
    rt["id_room_type"] = json!(b.room_type_id);
    rt["checkin_date"] = json!(format!("{} 00:00:00", b.check_in));
    rt["checkout_date"] = json!(format!("{} 00:00:00", b.check_out));
    if let Some((_, name, _)) = h.room_types.iter().find(|r| r.0 == b.room_type_id) {
        rt["name"] = json!(name);
    }
    v
}

/// Base64 of `<key>:` (the Basic credentials QloApps reads).
fn basic(key: &str) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = format!("{key}:").into_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn basic_credentials_are_base64_of_the_key_and_a_colon() {
        assert_eq!(super::basic(super::KEY), "VEVTVC1xbG8ta2V5Og==");
    }
}
