//! Mercado Pago REST API behind its circuit breaker: reading payments (the webhook body is
//! never trusted) and creating the checkout preference that is a hold's payment link.

use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::json;

use super::{ChannelError, check_status, guard::Guard, transport};
use booking::Money;

const DEP: &str = "mercadopago";

#[derive(Clone)]
pub struct MercadoPago {
    http: reqwest::Client,
    base: String,
    token: SecretString,
    guard: Guard,
}

/// The fields of `GET /v1/payments/{id}` the fleet acts on.
#[derive(Debug, Clone, Deserialize)]
pub struct Payment {
    pub id: serde_json::Value,
    pub status: String,
    #[serde(default)]
    pub status_detail: Option<String>,
    #[serde(default)]
    pub external_reference: Option<String>,
    #[serde(default)]
    pub transaction_amount: Option<f64>,
    #[serde(default)]
    pub currency_id: Option<String>,
    #[serde(default)]
    pub date_approved: Option<String>,
}

/// What the payment link pays for.
pub struct PreferenceRequest<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub amount: Money,
    pub currency: &'a str,
    pub expires_at: DateTime<Utc>,
    pub notification_url: Option<&'a str>,
}

impl MercadoPago {
    pub fn new(base: impl Into<String>, token: SecretString, guard: Guard) -> Self {
        MercadoPago {
            http: super::http_client(),
            base: base.into().trim_end_matches('/').to_owned(),
            token,
            guard,
        }
    }

    /// `GET /v1/payments/{id}`: the payment as Mercado Pago knows it, or `None` when it does not
    /// know it (404: their test notifications name made-up payments).
    pub async fn payment(
        &self,
        id: &str,
    ) -> Result<Option<(Payment, serde_json::Value)>, ChannelError> {
        self.guard
            .call(async {
                let response = self
                    .http
                    .get(format!("{}/v1/payments/{}", self.base, id))
                    .bearer_auth(self.token.expose_secret())
                    .send()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                if response.status() == reqwest::StatusCode::NOT_FOUND {
                    return Ok(None);
                }
                let raw: serde_json::Value = check_status(DEP, response)
                    .await?
                    .json()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                let payment =
                    serde_json::from_value(raw.clone()).map_err(|e| ChannelError::Permanent {
                        dependency: DEP,
                        message: format!("unexpected payment document: {e}"),
                    })?;
                Ok(Some((payment, raw)))
            })
            .await
    }

    /// `POST /v1/payments/{id}/refunds` for `amount` (a partial refund when less than was paid),
    /// idempotent per `key` (`X-Idempotency-Key`): a retry after a refund Mercado Pago made but
    /// we did not record gets that same refund back, never a second one. Returns the refund's id.
    pub async fn refund(
        &self,
        payment_id: &str,
        amount: booking::Money,
        key: &str,
    ) -> Result<String, ChannelError> {
        self.guard
            .call(async {
                let response = self
                    .http
                    .post(format!("{}/v1/payments/{}/refunds", self.base, payment_id))
                    .bearer_auth(self.token.expose_secret())
                    .header("x-idempotency-key", key)
                    .json(&json!({ "amount": amount.cents() as f64 / 100.0 }))
                    .send()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                let answer: serde_json::Value = check_status(DEP, response)
                    .await?
                    .json()
                    .await
                    .map_err(|e| transport(DEP, e))?;
                match &answer["id"] {
                    serde_json::Value::Number(n) => Ok(n.to_string()),
                    serde_json::Value::String(s) if !s.is_empty() => Ok(s.clone()),
                    _ => Err(ChannelError::Permanent {
                        dependency: DEP,
                        message: "refund answer without an id".into(),
                    }),
                }
            })
            .await
    }

    /// `POST /checkout/preferences`, idempotent per reservation code (`X-Idempotency-Key`), so a
    /// retried job gets the same link. Returns the link the guest opens to pay.
    pub async fn create_preference(
        &self,
        req: &PreferenceRequest<'_>,
    ) -> Result<String, ChannelError> {
        self.guard.call(async {
            let mut body = json!({
                "items": [{
                    "id": req.code,
                    "title": req.title,
                    "quantity": 1,
                    "currency_id": req.currency,
                    "unit_price": req.amount.cents() as f64 / 100.0,
                }],
                "external_reference": req.code,
                "expires": true,
                "expiration_date_to": req.expires_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
                "metadata": { "reservation_code": req.code },
            });
            if let Some(url) = req.notification_url {
                body["notification_url"] = json!(url);
            }
            let response = self
                .http
                .post(format!("{}/checkout/preferences", self.base))
                .bearer_auth(self.token.expose_secret())
                .header("x-idempotency-key", format!("preference-{}", req.code))
                .json(&body)
                .send()
                .await
                .map_err(|e| transport(DEP, e))?;
            let answer: serde_json::Value = check_status(DEP, response).await?.json().await.map_err(|e| transport(DEP, e))?;
            answer["init_point"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| ChannelError::Permanent { dependency: DEP, message: "preference without init_point".into() })
        })
        .await
    }
}
