//! A guest who writes to a property through signed webhooks, as the providers would deliver
//! what they send.

use serde_json::Value;

use crate::deliveries;

#[derive(Debug, thiserror::Error)]
pub enum GuestError {
    #[error("reaching the ingress: {0}")]
    Http(#[from] reqwest::Error),
    #[error("the ingress answered {0}")]
    Refused(reqwest::StatusCode),
    #[error("{0}")]
    Missing(&'static str),
}

/// Where the guest writes from and to, with the provider's key to sign it.
#[derive(Debug, Clone)]
pub enum Address {
    Whatsapp {
        /// The guest's number, as Meta writes it (`5492944123456`).
        phone: String,
        /// The property's business number id.
        phone_number_id: String,
        app_secret: String,
    },
    Email {
        address: String,
        /// The property's address.
        to: String,
        signing_key: String,
    },
}

/// What one message was sent as: its provider id and when.
#[derive(Debug, Clone)]
pub struct Sent {
    pub id: String,
    pub at_ms: i64,
}

/// A guest on one channel, writing to one ingress.
#[derive(Debug, Clone)]
pub struct Guest {
    pub address: Address,
    pub ingress: String,
    /// Mercado Pago's webhook secret, to notify the payments the guest makes.
    pub mp_secret: Option<String>,
    http: reqwest::Client,
}

impl Guest {
    pub fn new(address: Address, ingress: impl Into<String>) -> Guest {
        Guest {
            address,
            ingress: ingress.into().trim_end_matches('/').to_owned(),
            mp_secret: None,
            http: reqwest::Client::new(),
        }
    }

    pub fn whatsapp(ingress: &str, phone_number_id: &str, phone: &str, app_secret: &str) -> Guest {
        Guest::new(
            Address::Whatsapp {
                phone: phone.to_owned(),
                phone_number_id: phone_number_id.to_owned(),
                app_secret: app_secret.to_owned(),
            },
            ingress,
        )
    }

    pub fn email(ingress: &str, to: &str, address: &str, signing_key: &str) -> Guest {
        Guest::new(
            Address::Email {
                address: address.to_owned(),
                to: to.to_owned(),
                signing_key: signing_key.to_owned(),
            },
            ingress,
        )
    }

    pub fn with_mercadopago_secret(mut self, secret: &str) -> Guest {
        self.mp_secret = Some(secret.to_owned());
        self
    }

    /// Sends one line of text (a WhatsApp text message, or an email).
    pub async fn say(&self, text: &str) -> Result<Sent, GuestError> {
        let id = match &self.address {
            Address::Whatsapp { phone, .. } => {
                let id = deliveries::wamid();
                self.deliver(vec![deliveries::whatsapp_text(phone, &id, text)])
                    .await?;
                id
            }
            Address::Email {
                address,
                to,
                signing_key,
            } => {
                let id = format!("<{}@kit.example>", uuid::Uuid::new_v4().simple());
                let email = deliveries::Email {
                    to,
                    from: address,
                    subject: "Consulta",
                    text,
                    message_id: &id,
                };
                self.post_email(&email.form(signing_key)).await?;
                id
            }
        };
        Ok(Sent {
            id,
            at_ms: chrono::Utc::now().timestamp_millis(),
        })
    }

    /// Delivers WhatsApp messages (any kind: see [`deliveries`]) in one signed delivery.
    pub async fn deliver(&self, messages: Vec<Value>) -> Result<(), GuestError> {
        let Address::Whatsapp {
            phone,
            phone_number_id,
            app_secret,
        } = &self.address
        else {
            return Err(GuestError::Missing("a WhatsApp guest"));
        };
        let body = deliveries::whatsapp(phone_number_id, phone, messages).to_string();
        let resp = self
            .http
            .post(format!("{}/webhooks/whatsapp", self.ingress))
            .header(
                "x-hub-signature-256",
                deliveries::whatsapp_signature(app_secret, body.as_bytes()),
            )
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await?;
        ok(resp)
    }

    /// Sends a voice note the Graph API serves as `media_id`.
    pub async fn send_voice(&self, media_id: &str, url: Option<&str>) -> Result<Sent, GuestError> {
        let Address::Whatsapp { phone, .. } = &self.address else {
            return Err(GuestError::Missing("a WhatsApp guest"));
        };
        let id = deliveries::wamid();
        self.deliver(vec![deliveries::whatsapp_voice(phone, &id, media_id, url)])
            .await?;
        Ok(Sent {
            id,
            at_ms: chrono::Utc::now().timestamp_millis(),
        })
    }

    /// Posts a Mailgun route form (already signed) to the email webhook.
    pub async fn post_email(&self, form: &[(&str, String)]) -> Result<(), GuestError> {
        let resp = self
            .http
            .post(format!("{}/webhooks/email", self.ingress))
            .form(form)
            .send()
            .await?;
        ok(resp)
    }

    /// Delivers Mercado Pago's signed notification of a payment.
    pub async fn notify_payment(&self, payment_id: &str) -> Result<(), GuestError> {
        let secret = self.mp_secret.as_deref().ok_or(GuestError::Missing(
            "MERCADOPAGO_WEBHOOK_SECRET to sign notifications",
        ))?;
        let (body, signature, request_id) = deliveries::mercadopago_payment(secret, payment_id);
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
        ok(resp)
    }

    /// Where the bot's replies to this guest are addressed: the phone as WhatsApp sends to
    /// it (Argentine mobiles without the 9), or the email address, lowercased.
    pub fn reply_address(&self) -> String {
        match &self.address {
            Address::Whatsapp { phone, .. } => jobs::domain::PhoneNumber::parse(phone)
                .map(|p| p.whatsapp_sendable())
                .unwrap_or_else(|_| phone.clone()),
            Address::Email { address, .. } => address.to_lowercase(),
        }
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }
}

fn ok(resp: reqwest::Response) -> Result<(), GuestError> {
    if resp.status().is_success() {
        Ok(())
    } else {
        Err(GuestError::Refused(resp.status()))
    }
}
