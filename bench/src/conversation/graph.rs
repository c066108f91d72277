//! A stand-in for the Graph API (and Mercado Pago's preference endpoint) that notes when the
//! first reply to each recipient arrives. Small on purpose: it must cost far less than what it
//! measures.

use std::{
    collections::HashMap,
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Instant,
};

use poem::{
    EndpointExt, Route, handler,
    listener::TcpListener,
    post,
    web::{Data, Json},
};
use serde_json::{Value, json};

pub type Arrivals = Arc<Mutex<HashMap<String, Instant>>>;

#[handler]
fn message(Json(body): Json<Value>, Data(arrivals): Data<&Arrivals>) -> Json<Value> {
    if let (Some(to), Ok(mut map)) = (body["to"].as_str(), arrivals.lock()) {
        map.entry(to.to_owned()).or_insert_with(Instant::now);
    }
    Json(json!({ "messaging_product": "whatsapp", "messages": [{ "id": "wamid.bench" }] }))
}

#[handler]
fn preference(Json(body): Json<Value>) -> Json<Value> {
    let code = body["external_reference"].as_str().unwrap_or("x");
    Json(
        json!({ "id": format!("pref-{code}"), "init_point": format!("https://mp.example/pay/{code}") }),
    )
}

/// Serves on a free loopback port; returns its base URL and the arrival times.
pub async fn start() -> anyhow::Result<(String, Arrivals)> {
    let arrivals: Arrivals = Arc::default();
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let addr: SocketAddr = listener.local_addr()?;
    drop(listener);
    let app = Route::new()
        .at("/:phone_number_id/messages", post(message))
        .at("/checkout/preferences", post(preference))
        .data(arrivals.clone());
    tokio::spawn(async move {
        let _ = poem::Server::new(TcpListener::bind(addr)).run(app).await;
    });
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    Ok((format!("http://{addr}"), arrivals))
}
