//! `fleetctl demo-seed` and `fleetctl simulate`: the sandbox demo. `demo-seed` loads a property
//! with three cabins; `simulate` plays a guest through signed webhooks (WhatsApp deliveries, or
//! Mailgun email posts) against the running ingress and prints each guest line and each bot
//! reply, as the guest's phone or mailbox would show them.

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use sqlx::PgPool;

/// The sandbox property's WhatsApp business number id.
pub const DEMO_PHONE_NUMBER_ID: &str = "100000000000001";
/// The sandbox property's email address.
pub const DEMO_EMAIL: &str = "reservas@cabanasdelbosque.example";

pub async fn seed(db: &PgPool) -> anyhow::Result<String> {
    let property: i64 = sqlx::query_scalar(
        "INSERT INTO properties (name, whatsapp_phone_number_id, email_address, address)
         VALUES ('Cabañas del Bosque', $1, $2, 'Ruta 40 km 2010, San Martín de los Andes')
         ON CONFLICT (whatsapp_phone_number_id) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    )
    .bind(DEMO_PHONE_NUMBER_ID)
    .bind(DEMO_EMAIL)
    .fetch_one(db)
    .await?;
    let cabins = [
        (
            "Cabaña Arrayán",
            2,
            45000,
            1.0,
            "Para dos, con hogar a leña y vista al lago.",
        ),
        (
            "Cabaña Coihue",
            4,
            60000,
            1.2,
            "Dos dormitorios, parrilla y deck con vista al bosque.",
        ),
        (
            "Cabaña Lenga",
            6,
            85000,
            1.25,
            "Tres dormitorios, ideal para familias o grupos.",
        ),
    ];
    for (name, capacity, price, weekend, description) in cabins {
        sqlx::query(
            "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night, weekend_multiplier, description, amenities, pets_allowed)
             VALUES ($1, $2, $3, $4, $5, $6, ARRAY['wifi', 'parrilla', 'estacionamiento'], $2 <> 'Cabaña Arrayán')
             ON CONFLICT (property_id, name) DO UPDATE SET capacity = EXCLUDED.capacity, base_price_per_night = EXCLUDED.base_price_per_night,
                 weekend_multiplier = EXCLUDED.weekend_multiplier, description = EXCLUDED.description",
        )
        .bind(property)
        .bind(name)
        .bind(capacity)
        .bind(price)
        .bind(weekend)
        .bind(description)
        .execute(db)
        .await?;
    }
    Ok(format!(
        "demo property {property} (WhatsApp number id {DEMO_PHONE_NUMBER_ID}) with 3 cabins"
    ))
}

/// Where the simulated guest writes from, with the provider's key to sign what they send.
pub enum Address {
    Whatsapp {
        phone: String,
        app_secret: String,
    },
    Email {
        address: String,
        signing_key: String,
    },
}

/// A guest's phone (or mailbox) for one simulation.
pub struct Guest {
    pub address: Address,
    pub http: reqwest::Client,
    pub ingress: String,
    pub mp_secret: Option<String>,
}

impl Guest {
    /// Sends one line as a signed WhatsApp delivery or email post.
    pub async fn say(&self, text: &str) -> anyhow::Result<()> {
        let resp = match &self.address {
            Address::Whatsapp { phone, app_secret } => {
                self.whatsapp_delivery(phone, app_secret, text).await?
            }
            Address::Email {
                address,
                signing_key,
            } => self.email_post(address, signing_key, text).await?,
        };
        if !resp.status().is_success() {
            bail!("the ingress answered {}", resp.status());
        }
        Ok(())
    }

    async fn whatsapp_delivery(
        &self,
        phone: &str,
        app_secret: &str,
        text: &str,
    ) -> anyhow::Result<reqwest::Response> {
        let wamid = format!("wamid.sim.{}", uuid::Uuid::new_v4().simple());
        let body = serde_json::json!({
            "object": "whatsapp_business_account",
            "entry": [{ "id": "sandbox", "changes": [{ "field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": { "display_phone_number": "5492972000000", "phone_number_id": DEMO_PHONE_NUMBER_ID },
                "contacts": [{ "profile": { "name": "Huésped" }, "wa_id": phone }],
                "messages": [{ "from": phone, "id": wamid, "timestamp": chrono::Utc::now().timestamp().to_string(),
                               "type": "text", "text": { "body": text } }]
            }}]}]
        })
        .to_string();
        let signature =
            ingress::signature::whatsapp::header_for(app_secret.as_bytes(), body.as_bytes());
        self.http
            .post(format!("{}/webhooks/whatsapp", self.ingress))
            .header("x-hub-signature-256", signature)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .context("reaching the ingress")
    }

    /// What a Mailgun route posts for an email to the demo property, signed.
    async fn email_post(
        &self,
        address: &str,
        signing_key: &str,
        text: &str,
    ) -> anyhow::Result<reqwest::Response> {
        let timestamp = chrono::Utc::now().timestamp().to_string();
        let token = uuid::Uuid::new_v4().simple().to_string();
        let signature =
            ingress::signature::mailgun::signature_for(signing_key.as_bytes(), &timestamp, &token);
        let message_id = format!("<{}@sim.example>", uuid::Uuid::new_v4().simple());
        let form = [
            ("recipient", DEMO_EMAIL),
            ("sender", address),
            ("from", &format!("Huésped <{address}>")),
            ("subject", "Consulta"),
            ("body-plain", text),
            ("stripped-text", text),
            ("Message-Id", &message_id),
            ("timestamp", &timestamp),
            ("token", &token),
            ("signature", &signature),
        ];
        self.http
            .post(format!("{}/webhooks/email", self.ingress))
            .form(&form)
            .send()
            .await
            .context("reaching the ingress")
    }

    /// Where the bot's replies to this guest are addressed, as the sandbox records them.
    fn reply_address(&self) -> anyhow::Result<String> {
        Ok(match &self.address {
            Address::Whatsapp { phone, .. } => {
                jobs::domain::PhoneNumber::parse(phone)?.whatsapp_sendable()
            }
            Address::Email { address, .. } => address.to_lowercase(),
        })
    }

    /// Pays a sandbox payment link, then delivers Mercado Pago's signed notification of it.
    pub async fn pay(&self, link: &str) -> anyhow::Result<String> {
        let paid: serde_json::Value = self
            .http
            .post(link)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let payment_id = paid["payment_id"]
            .as_str()
            .context("the sandbox returned no payment id")?
            .to_owned();
        let secret = self
            .mp_secret
            .as_deref()
            .context("MERCADOPAGO_WEBHOOK_SECRET must be set to sign notifications")?;
        let request_id = uuid::Uuid::new_v4().to_string();
        let signature = ingress::signature::mercadopago::header_for(
            secret.as_bytes(),
            Some(&payment_id),
            Some(&request_id),
            chrono::Utc::now().timestamp_millis(),
        );
        let body = serde_json::json!({
            "id": rand::random_range(1_000_000_000u64..9_999_999_999), "live_mode": false, "type": "payment",
            "date_created": chrono::Utc::now().to_rfc3339(), "action": "payment.created", "api_version": "v1",
            "data": { "id": payment_id },
        });
        let resp = self
            .http
            .post(format!(
                "{}/webhooks/mercadopago?data.id={payment_id}&type=payment",
                self.ingress
            ))
            .header("x-signature", signature)
            .header("x-request-id", request_id)
            .json(&body)
            .send()
            .await?;
        if !resp.status().is_success() {
            bail!(
                "the ingress refused the payment notification: {}",
                resp.status()
            );
        }
        Ok(paid["status"].as_str().unwrap_or("approved").to_owned())
    }

    /// Waits for the replies sent to this guest after `since_ms`.
    pub async fn replies_since(
        &self,
        since_ms: i64,
        want: usize,
        within: Duration,
    ) -> anyhow::Result<Vec<serde_json::Value>> {
        let sendable = self.reply_address()?;
        let deadline = Instant::now() + within;
        loop {
            let outbox: Vec<serde_json::Value> = self
                .http
                .get(format!("{}/sandbox/outbox", self.ingress))
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
}

/// The line that makes the simulated guest pay the last payment link the bot sent.
pub const PAY: &str = "[pagar]";

/// A whole booking: greeting, availability for two nights some weeks ahead, "dale", payment.
pub fn default_script(today: chrono::NaiveDate) -> Vec<String> {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    let check_in = today + chrono::Duration::days(rand::random_range(20..200));
    let check_out = check_in + chrono::Duration::days(2);
    let stay = if check_in.month() == check_out.month() {
        format!(
            "del {} al {} de {}",
            check_in.day(),
            check_out.day(),
            MONTHS[check_in.month0() as usize]
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
            let status = guest.pay(link).await?;
            transcript.push_str(&format!(
                "💳 Huésped: (paga la seña en Mercado Pago: {status})\n"
            ));
        } else {
            guest.say(line).await?;
            transcript.push_str(&format!("👤 Huésped: {line}\n"));
        }
        let replies = guest
            .replies_since(since, 1, Duration::from_secs(20))
            .await?;
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
