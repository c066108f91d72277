//! Posts to a running ingress's webhooks exactly as given: the bytes, the signature header (or
//! none, or a wrong one) and the query are the caller's. For tests that need exact bodies and
//! headers (signature tables, redeliveries of the same bytes) and for load generators; a
//! [`crate::Guest`] posts through it too.

use std::sync::OnceLock;

use reqwest::{Body, Response};

use crate::deliveries::{self, PaymentNotification};

/// An ingress's webhooks, at its base URL.
#[derive(Debug, Clone)]
pub struct Webhooks {
    base: String,
    /// Made on first use unless given: a client costs its TLS set-up, which a load generator
    /// making a guest per request must not pay each time.
    http: OnceLock<reqwest::Client>,
}

impl Webhooks {
    pub fn new(base: impl Into<String>) -> Webhooks {
        Webhooks {
            base: base.into().trim_end_matches('/').to_owned(),
            http: OnceLock::new(),
        }
    }

    /// Posts through `http` (to share its connection pool).
    pub fn with_http(mut self, http: reqwest::Client) -> Webhooks {
        self.http = OnceLock::from(http);
        self
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn http(&self) -> &reqwest::Client {
        self.http.get_or_init(reqwest::Client::new)
    }

    /// `path` (with its query, if any) on this ingress.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A WhatsApp delivery with this `X-Hub-Signature-256` (or none).
    pub async fn whatsapp(
        &self,
        body: impl Into<Body>,
        signature: Option<&str>,
    ) -> reqwest::Result<Response> {
        let mut req = self
            .http()
            .post(self.url("/webhooks/whatsapp"))
            .header("content-type", "application/json");
        if let Some(sig) = signature {
            req = req.header("x-hub-signature-256", sig);
        }
        req.body(body).send().await
    }

    /// A WhatsApp delivery signed with `app_secret`.
    pub async fn whatsapp_signed(
        &self,
        app_secret: &str,
        body: impl Into<Vec<u8>>,
    ) -> reqwest::Result<Response> {
        let body = body.into();
        let sig = deliveries::whatsapp_signature(app_secret, &body);
        self.whatsapp(body, Some(&sig)).await
    }

    /// A Mercado Pago notification with this query, `x-signature` (or none) and `x-request-id`.
    pub async fn mercadopago(
        &self,
        query: &str,
        body: impl Into<Body>,
        signature: Option<&str>,
        request_id: &str,
    ) -> reqwest::Result<Response> {
        let mut req = self
            .http()
            .post(self.url(&format!("/webhooks/mercadopago?{query}")))
            .header("content-type", "application/json")
            .header("x-request-id", request_id);
        if let Some(sig) = signature {
            req = req.header("x-signature", sig);
        }
        req.body(body).send().await
    }

    /// A notification built by [`deliveries::mercadopago_payment`], as Mercado Pago posts it.
    pub async fn payment_notification(&self, n: &PaymentNotification) -> reqwest::Result<Response> {
        self.mercadopago(
            &n.query(),
            n.body.to_string(),
            Some(&n.signature),
            &n.request_id,
        )
        .await
    }

    /// A post to the email route with this content type (a form, multipart, or anything else).
    pub async fn email(
        &self,
        content_type: &str,
        body: impl Into<Body>,
    ) -> reqwest::Result<Response> {
        self.http()
            .post(self.url("/webhooks/email"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
    }

    /// Mailgun route fields (already signed: see [`deliveries::mailgun_signed`]), urlencoded.
    pub async fn email_form<K: AsRef<str>, V: AsRef<str>>(
        &self,
        fields: &[(K, V)],
    ) -> reqwest::Result<Response> {
        self.email(
            "application/x-www-form-urlencoded",
            deliveries::urlencoded(fields),
        )
        .await
    }
}
