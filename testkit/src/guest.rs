//! A guest who writes to a property through signed webhooks, as the providers would deliver
//! what they send: the one way a test, a benchmark or `fleetctl simulate` plays a guest.

use serde_json::Value;

use crate::{
    deliveries::{self, Email, PaymentNotification},
    webhooks::Webhooks,
};

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

impl Sent {
    fn now(id: String) -> Sent {
        Sent {
            id,
            at_ms: chrono::Utc::now().timestamp_millis(),
        }
    }
}

/// A guest on one channel, writing to one ingress.
#[derive(Debug, Clone)]
pub struct Guest {
    pub address: Address,
    pub ingress: String,
    /// Mercado Pago's webhook secret, to notify the payments the guest makes.
    pub mp_secret: Option<String>,
    /// The name on the guest's emails.
    pub name: String,
    hooks: Webhooks,
}

impl Guest {
    pub fn new(address: Address, ingress: impl Into<String>) -> Guest {
        let hooks = Webhooks::new(ingress);
        Guest {
            address,
            ingress: hooks.base().to_owned(),
            mp_secret: None,
            name: "Huésped".to_owned(),
            hooks,
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

    pub fn named(mut self, name: &str) -> Guest {
        self.name = name.to_owned();
        self
    }

    /// Posts through `http` (many guests of a load generator share one connection pool).
    pub fn with_http(mut self, http: reqwest::Client) -> Guest {
        self.hooks = self.hooks.with_http(http);
        self
    }

    /// Sends one line of text (a WhatsApp text message, or an email).
    pub async fn say(&self, text: &str) -> Result<Sent, GuestError> {
        match &self.address {
            Address::Whatsapp { phone, .. } => {
                let id = deliveries::wamid();
                self.deliver(vec![deliveries::whatsapp_text(phone, &id, text)])
                    .await?;
                Ok(Sent::now(id))
            }
            Address::Email { .. } => {
                let id = format!("<{}@kit.example>", uuid::Uuid::new_v4().simple());
                self.write(&id, "Consulta", text).await
            }
        }
    }

    /// Sends an email with this `Message-Id` and subject (an email guest only).
    pub async fn write(
        &self,
        message_id: &str,
        subject: &str,
        text: &str,
    ) -> Result<Sent, GuestError> {
        let (address, to, signing_key) = match &self.address {
            Address::Email {
                address,
                to,
                signing_key,
            } => (address, to, signing_key),
            Address::Whatsapp { .. } => return Err(GuestError::Missing("an email guest")),
        };
        let email = Email::new(to, address, subject, text, message_id).named(&self.name);
        self.post_email(&email.form(signing_key)).await?;
        Ok(Sent::now(message_id.to_owned()))
    }

    /// Delivers WhatsApp messages (any kind: see [`deliveries`]) in one signed delivery.
    pub async fn deliver(&self, messages: Vec<Value>) -> Result<(), GuestError> {
        let (phone, phone_number_id, app_secret) = self.on_whatsapp()?;
        let body = deliveries::whatsapp(phone_number_id, phone, messages).to_string();
        ok(self.hooks.whatsapp_signed(app_secret, body).await?)
    }

    /// Sends a voice note the Graph API serves as `media_id`.
    pub async fn send_voice(&self, media_id: &str, url: Option<&str>) -> Result<Sent, GuestError> {
        let (phone, ..) = self.on_whatsapp()?;
        let id = deliveries::wamid();
        self.deliver(vec![deliveries::whatsapp_voice(phone, &id, media_id, url)])
            .await?;
        Ok(Sent::now(id))
    }

    /// Posts a Mailgun route form (already signed) to the email webhook.
    pub async fn post_email<K: AsRef<str>, V: AsRef<str>>(
        &self,
        form: &[(K, V)],
    ) -> Result<(), GuestError> {
        ok(self.hooks.email_form(form).await?)
    }

    /// Mercado Pago's signed notification that `payment_id` (any id) was made; post it with
    /// [`Guest::post_notification`], as often as Mercado Pago would retry it.
    pub fn pay_notification(&self, payment_id: &str) -> Result<PaymentNotification, GuestError> {
        let secret = self.mp_secret.as_deref().ok_or(GuestError::Missing(
            "MERCADOPAGO_WEBHOOK_SECRET to sign notifications",
        ))?;
        Ok(deliveries::mercadopago_payment(secret, payment_id))
    }

    pub async fn post_notification(&self, n: &PaymentNotification) -> Result<(), GuestError> {
        ok(self.hooks.payment_notification(n).await?)
    }

    /// Delivers Mercado Pago's signed notification of a payment.
    pub async fn notify_payment(&self, payment_id: &str) -> Result<(), GuestError> {
        self.post_notification(&self.pay_notification(payment_id)?)
            .await
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
        self.hooks.http()
    }

    /// The ingress's webhooks, for posts the guest's own methods do not make.
    pub fn webhooks(&self) -> &Webhooks {
        &self.hooks
    }
}

impl Guest {
    /// The guest's number, the property's business number id and the app secret.
    fn on_whatsapp(&self) -> Result<(&str, &str, &str), GuestError> {
        match &self.address {
            Address::Whatsapp {
                phone,
                phone_number_id,
                app_secret,
            } => Ok((phone, phone_number_id, app_secret)),
            Address::Email { .. } => Err(GuestError::Missing("a WhatsApp guest")),
        }
    }
}

fn ok(resp: reqwest::Response) -> Result<(), GuestError> {
    if resp.status().is_success() {
        Ok(())
    } else {
        Err(GuestError::Refused(resp.status()))
    }
}
