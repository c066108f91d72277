//! `SANDBOX=1`: local stand-ins for the Graph API, Mailgun and Mercado Pago, served by the ingress
//! itself, so the fleet runs end to end with no accounts while the real HTTP clients run.
//! The Graph fake keeps the last messages "sent" in Redis (the guest's phone, so to speak);
//! `GET /sandbox/outbox` reads them back. Never enabled unless `SANDBOX` is set.

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
        "at_ms": chrono::Utc::now().timestamp_millis(),
    });
    keep_in_outbox(state, &entry).await?;
    Ok(Json(json!({
        "messaging_product": "whatsapp",
        "contacts": [{ "input": message["to"], "wa_id": message["to"] }],
        "messages": [{ "id": wamid }]
    })))
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
