//! `fleetctl demo-seed` and `fleetctl simulate`: the sandbox demo. `demo-seed` loads a property
//! with three cabins; `simulate` plays a guest through signed webhooks (WhatsApp deliveries, or
//! Mailgun email posts) against the running ingress and prints each guest line and each bot
//! reply, as the guest's phone or mailbox would show them.

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use sqlx::PgPool;
pub use testkit::Guest;

/// The sandbox property's WhatsApp business number id.
pub const DEMO_PHONE_NUMBER_ID: &str = "100000000000001";
/// The sandbox property's email address.
pub const DEMO_EMAIL: &str = "reservas@cabanasdelbosque.example";

pub async fn seed(db: &PgPool) -> anyhow::Result<String> {
    let property = store::properties::seed_demo(db, DEMO_PHONE_NUMBER_ID, DEMO_EMAIL).await?;
    Ok(format!(
        "demo property {property} (WhatsApp number id {DEMO_PHONE_NUMBER_ID}) with 3 cabins"
    ))
}

/// Pays a sandbox payment link, then delivers Mercado Pago's signed notification of it.
pub async fn pay(guest: &Guest, link: &str) -> anyhow::Result<String> {
    let paid: serde_json::Value = guest
        .http()
        .post(link)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let payment_id = paid["payment_id"]
        .as_str()
        .context("the sandbox returned no payment id")?;
    guest.notify_payment(payment_id).await?;
    Ok(paid["status"].as_str().unwrap_or("approved").to_owned())
}

/// Waits for the replies sent to this guest after `since_ms`, as the sandbox recorded them.
pub async fn replies_since(
    guest: &Guest,
    since_ms: i64,
    want: usize,
    within: Duration,
) -> anyhow::Result<Vec<serde_json::Value>> {
    let sendable = guest.reply_address();
    let deadline = Instant::now() + within;
    loop {
        let outbox: Vec<serde_json::Value> = guest
            .http()
            .get(format!("{}/sandbox/outbox", guest.ingress))
            .send()
            .await?
            .error_for_status()
            .context("the ingress is not in SANDBOX mode")?
            .json()
            .await?;
        let mut mine: Vec<_> = outbox
            .into_iter()
            .filter(|m| {
                m["to"] == sendable.as_str() && m["at_ms"].as_i64().unwrap_or(0) >= since_ms
            })
            .collect();
        if mine.len() >= want || Instant::now() > deadline {
            mine.reverse();
            return Ok(mine);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The line that makes the simulated guest pay the last payment link the bot sent.
pub const PAY: &str = "[pagar]";

/// A whole booking: greeting, availability for two nights some weeks ahead, "dale", payment.
pub fn default_script(today: chrono::NaiveDate) -> Vec<String> {
    use chrono::Datelike;
    let check_in = today + chrono::Duration::days(rand::random_range(20..200));
    let check_out = check_in + chrono::Duration::days(2);
    let stay = if check_in.month() == check_out.month() {
        format!(
            "del {} al {} de {}",
            check_in.day(),
            check_out.day(),
            conversation::texts::month_name(conversation::Language::Es, check_in.month())
        )
    } else {
        format!(
            "del {}/{} al {}/{}",
            check_in.day(),
            check_in.month(),
            check_out.day(),
            check_out.month()
        )
    };
    vec![
        "Hola!".into(),
        format!("¿Tenés lugar para 2 {stay}?"),
        "dale, reservá".into(),
        PAY.into(),
    ]
}

/// Plays `lines` and prints the conversation. Fails if a line gets no reply in time.
pub async fn simulate(guest: &Guest, lines: &[String]) -> anyhow::Result<String> {
    let mut transcript = String::new();
    let mut last_link: Option<String> = None;
    for line in lines {
        let since = chrono::Utc::now().timestamp_millis();
        let started = Instant::now();
        if line == PAY {
            let link = last_link
                .as_deref()
                .context("the bot sent no payment link to pay")?;
            let status = pay(guest, link).await?;
            transcript.push_str(&format!(
                "💳 Huésped: (paga la seña en Mercado Pago: {status})\n"
            ));
        } else {
            guest.say(line).await?;
            transcript.push_str(&format!("👤 Huésped: {line}\n"));
        }
        let replies = replies_since(guest, since, 1, Duration::from_secs(20)).await?;
        if replies.is_empty() {
            bail!("no reply to {line:?} within 20 s; is a worker running (scripts/up.sh)?");
        }
        for r in replies {
            let text = r["text"].as_str().unwrap_or("(imagen)");
            if let Some(link) = text
                .split_whitespace()
                .find(|w| w.contains("/sandbox/mp/pay/"))
            {
                last_link = Some(link.to_owned());
            }
            transcript.push_str(&format!(
                "🤖 Bot ({} ms): {text}\n",
                started.elapsed().as_millis()
            ));
        }
    }
    Ok(transcript)
}
