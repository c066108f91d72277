//! `fleet-bench console`: how long the staff console takes to render its pages for a property
//! that holds a year of reservations and thousands of conversations (issue 13: p95 under 50 ms).
//!
//! The path is production's: the real ingress in this process (`Application::build`, its
//! middleware, the session store in Redis, the account read again per request, the maud
//! templates), on its own migrated database as the application role, signed in as the
//! property's owner over HTTP with the login form's token, as a browser would. Each page is
//! fetched once to warm up and then `--rounds` times, one request at a time (the console is a
//! handful of people, not a crowd), timed from the request sent to the last byte of the body.
//!
//! The property is the demo's ("Cabañas del Bosque", three cabins) with, by default: 5,000
//! conversations (WhatsApp and email, a few asking for a person today) of six messages and six
//! replies each; per cabin a paid three-night stay every four days from a year ago to four
//! months ahead, a hold that expired each day, some cancelled with a deposit due back, a few
//! live holds; the payments of the paid stays. Around it, `--other-rows` messages of other
//! properties (`Fleet::seed_history`), so that what the pages read must be found by index.
//!
//! Every page's body is checked for what the seed put there (a reply, a code, a cabin), so a
//! page that renders fast because its query found nothing fails the run instead of passing it.

use std::time::{Duration, Instant};

use clap::Args;
use testkit::harness::{Fleet, spawn_ingress};
use workers::cli::demo::{DEMO_EMAIL, DEMO_PHONE_NUMBER_ID};

use crate::{report::Report, scratch, stats};

#[derive(Debug, Args)]
pub struct ConsoleArgs {
    #[arg(long, env = "REDIS_URL", default_value = "redis://127.0.0.1:6379")]
    pub redis_url: String,
    /// A server-level PostgreSQL URL; the benchmark makes (and drops) its own database.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres:postgres@127.0.0.1:5432/postgres"
    )]
    pub database_url: String,
    /// The property's conversations.
    #[arg(long, default_value_t = 5_000)]
    pub conversations: i64,
    /// Messages of other properties around it (and as many replies and job records).
    #[arg(long, default_value_t = 100_000)]
    pub other_rows: u64,
    /// Timed requests per page.
    #[arg(long, default_value_t = 200)]
    pub rounds: usize,
    /// The target: p95 of every page under this many milliseconds.
    #[arg(long, default_value_t = 50.0)]
    pub target_p95_ms: f64,
    #[arg(long)]
    pub json: bool,
}

const OWNER: &str = "duena@cabanasdelbosque.example";
const PASSWORD: &str = "bench-lenga-coihue-2026";
/// The text of every seeded bot reply: a conversation page that shows the seed shows this.
const SEEDED_REPLY: &str = "Tenemos lugar esas noches en la Cabaña Coihue";

pub async fn run(args: ConsoleArgs) -> anyhow::Result<()> {
    let prefix = scratch::prefix("console");
    let db_name = format!("bench_{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
    let fleet = Fleet::create(&args.database_url, &args.redis_url, &db_name, &prefix).await?;
    let outcome = measure(&args, &fleet).await;
    fleet.drop_db().await;
    let report = outcome?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        println!("{}", report.render());
    }
    Ok(())
}

async fn measure(args: &ConsoleArgs, fleet: &Fleet) -> anyhow::Result<Report> {
    let mut report = Report::new("staff console");
    report.section("the property");
    let started = Instant::now();
    if args.other_rows > 0 {
        fleet.seed_history(args.other_rows).await?;
    }
    workers::cli::demo::seed(&fleet.db).await?;
    let seeded = seed_year(fleet, args.conversations).await?;
    report.number(
        "seed_seconds",
        "seeding time",
        started.elapsed().as_secs_f64(),
        "s",
    );
    for (key, label, value) in [
        ("conversations", "conversations", seeded.conversations),
        ("messages", "guest messages + replies", seeded.messages),
        (
            "reservations",
            "reservations (all states)",
            seeded.reservations,
        ),
        ("payments", "payments", seeded.payments),
    ] {
        report.number(key, label, value as f64, "");
    }

    let ingress = spawn_ingress(
        Some(&fleet.app_db_url),
        &fleet.redis_url,
        &fleet.prefix,
        |c| c.console.cookie_secure = false,
    )
    .await?;
    let mut console = Console::sign_in(&ingress.url).await?;

    report.section(format!(
        "page render, {} sequential requests each (request → last byte)",
        args.rounds
    ));
    let month = seeded.busy_month.clone();
    let pages: Vec<(&str, String, String)> = vec![
        ("today", "/admin".into(), seeded.arriving_code.clone()),
        ("inbox", "/admin/inbox".into(), seeded.latest_guest.clone()),
        (
            "conversation",
            format!("/admin/inbox/{}", seeded.latest_conversation),
            SEEDED_REPLY.into(),
        ),
        (
            "reservations",
            "/admin/reservations".into(),
            "Cabaña Lenga".into(),
        ),
        (
            "reservations_search",
            format!("/admin/reservations?q={}", seeded.searched_guest),
            seeded.searched_code.clone(),
        ),
        (
            "reservation",
            format!("/admin/reservations/{}", seeded.searched_code),
            seeded.searched_code.clone(),
        ),
        (
            "calendar",
            "/admin/calendar".into(),
            "Cabaña Arrayán".into(),
        ),
        (
            "calendar_month",
            format!("/admin/calendar?month={month}"),
            seeded.month_code.clone(),
        ),
        (
            "payments",
            "/admin/payments".into(),
            seeded.due_code.clone(),
        ),
        ("queues", "/admin/queues".into(), "parse_intent".into()),
        ("setup", "/admin/setup".into(), "Cabaña Coihue".into()),
        ("account", "/admin/account".into(), OWNER.into()),
    ];
    let mut worst_p95 = Duration::ZERO;
    for (key, path, expected) in &pages {
        let body = console.get(path).await?;
        anyhow::ensure!(
            body.contains(expected.as_str()),
            "{path} does not show {expected:?}: the seed or the page is wrong"
        );
        let mut samples = Vec::with_capacity(args.rounds);
        for _ in 0..args.rounds {
            let sent = Instant::now();
            console.get(path).await?;
            samples.push(sent.elapsed());
        }
        let Some(s) = stats::summarize(samples) else {
            continue;
        };
        worst_p95 = worst_p95.max(s.p95);
        for (stat, value) in [("p50", s.p50), ("p95", s.p95), ("max", s.max)] {
            report.number(
                &format!("{key}_{stat}_ms"),
                &format!("{path} {stat}"),
                stats::ms(value),
                "ms",
            );
        }
    }
    report.check(
        format!("every page p95 < {} ms", args.target_p95_ms),
        Some(stats::ms(worst_p95) < args.target_p95_ms),
        format!("worst page p95 {:.1} ms", stats::ms(worst_p95)),
    );
    report.note("release build; one request at a time; the ingress in this process logs every request as in production");
    ingress.stop().await;
    Ok(report)
}

/// What the seed made, and what each page must show.
struct Seeded {
    conversations: i64,
    messages: i64,
    reservations: i64,
    payments: i64,
    latest_conversation: i64,
    latest_guest: String,
    arriving_code: String,
    searched_guest: String,
    searched_code: String,
    busy_month: String,
    month_code: String,
    due_code: String,
}

/// Seeds the demo property's year (see the module's docs) and its owner's account.
async fn seed_year(fleet: &Fleet, conversations: i64) -> anyhow::Result<Seeded> {
    let db = &fleet.db;
    let property: i64 =
        sqlx::query_scalar("SELECT id FROM properties WHERE whatsapp_phone_number_id = $1")
            .bind(DEMO_PHONE_NUMBER_ID)
            .fetch_one(db)
            .await?;
    let hash = ingress::console::password::hash(PASSWORD)
        .map_err(|e| anyhow::anyhow!("hashing the owner's password: {e}"))?;
    store::staff::add(db, property, OWNER, store::staff::Role::Owner, &hash).await?;

    // Conversations, one every 1/n of a year back from now; one in ten by email; a few of
    // today's asked for a person.
    sqlx::query(
        "INSERT INTO conversations (property_id, channel, guest_address, state, updated_at, created_at)
         SELECT $1,
                CASE WHEN g % 10 = 0 THEN 'email' ELSE 'whatsapp' END,
                CASE WHEN g % 10 = 0 THEN 'huesped' || g || '@correo.test'
                     ELSE '549294' || lpad(g::text, 7, '0') END,
                CASE WHEN g % 5 = 1 THEN '{\"needs_human\": true, \"language\": \"es\", \"guests\": 4}'
                     ELSE '{\"language\": \"es\", \"guests\": 2, \"nights\": 3}' END::jsonb,
                now() - make_interval(secs => g * 31536000.0 / $2),
                now() - make_interval(secs => g * 31536000.0 / $2) - interval '1 hour'
         FROM generate_series(1, $2) g",
    )
    .bind(property)
    .bind(conversations)
    .execute(db)
    .await?;
    // Six guest messages and six replies each, a few minutes apart, ending at its last update.
    sqlx::query(
        "INSERT INTO inbound_messages (conversation_id, provider_message_id, kind, body, received_at)
         SELECT c.id, 'wamid.CONSOLE' || c.id || '.' || k, 'text',
                (ARRAY['Hola, ¿tienen lugar?', 'Somos 4 con un perro', 'Del 12 al 15',
                       '¿Cuánto sale la Coihue?', 'Dale, reservala', '¡Gracias!'])[k],
                c.updated_at - make_interval(mins => (7 - k) * 3)
         FROM conversations c, generate_series(1, 6) k WHERE c.property_id = $1",
    )
    .bind(property)
    .execute(db)
    .await?;
    sqlx::query(
        "INSERT INTO outbox (cause, effect_key, kind, effect, channel, recipient, status, created_at, relayed_at, sent_at)
         SELECT 'parse_intent:wa:wamid.CONSOLE' || c.id || '.' || k,
                'parse_intent:wa:wamid.CONSOLE' || c.id || '.' || k || ':0', 'reply',
                jsonb_build_object('effect', 'reply',
                    'channel', CASE WHEN c.channel = 'email'
                        THEN jsonb_build_object('channel', 'email', 'to', $2::text, 'from', c.guest_address)
                        ELSE jsonb_build_object('channel', 'whatsapp', 'phone_number_id', $3::text, 'from', c.guest_address) END,
                    'body', jsonb_build_object('kind', 'text', 'text', $4::text || ' 🙌')),
                c.channel, c.guest_address, 'sent', t.at, t.at, t.at
         FROM conversations c, generate_series(1, 6) k,
              LATERAL (SELECT c.updated_at - make_interval(mins => (7 - k) * 3) + interval '20 seconds' AS at) t
         WHERE c.property_id = $1",
    )
    .bind(property)
    .bind(DEMO_EMAIL)
    .bind(DEMO_PHONE_NUMBER_ID)
    .bind(SEEDED_REPLY)
    .execute(db)
    .await?;

    // Per cabin: a paid three-night stay every four days from a year ago to four months ahead
    // (one in twelve cancelled, a deposit due back); a hold that expired every day; a live hold
    // in each one-night gap of the coming month.
    sqlx::query(
        "WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM properties WHERE id = $1)
         INSERT INTO reservations (code, accommodation_id, guest_name, guest_phone, check_in, check_out, guests,
                                   total_amount, deposit_amount, status, channel_source, expires_at, created_at, updated_at)
         SELECT 'RS' || a.id || lpad(k::text, 4, '0'), a.id,
                (ARRAY['Lucía', 'Martín', 'Sofía', 'Juan', 'Valentina', 'Diego'])[1 + k % 6] || ' Pérez ' || k,
                '549294' || lpad((a.id * 10000 + k)::text, 7, '0'),
                t.d + (k - 91) * 4, t.d + (k - 91) * 4 + 3, 2,
                a.base_price_per_night * 3, a.base_price_per_night * 0.9,
                CASE WHEN k % 12 = 5 THEN 'cancelled' ELSE 'confirmed' END::reservation_status,
                CASE WHEN k % 3 = 0 THEN 'email' ELSE 'whatsapp' END, NULL,
                now() - make_interval(days => 120 - k), now() - make_interval(days => 100 - k)
         FROM accommodations a, today t, generate_series(0, 121) k WHERE a.property_id = $1",
    )
    .bind(property)
    .execute(db)
    .await?;
    sqlx::query(
        "WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM properties WHERE id = $1)
         INSERT INTO reservations (code, accommodation_id, guest_phone, check_in, check_out, guests,
                                   total_amount, deposit_amount, status, channel_source, expires_at, created_at)
         SELECT 'EX' || a.id || lpad(k::text, 4, '0'), a.id, '549295' || lpad((a.id * 1000 + k)::text, 7, '0'),
                t.d + k - 365 + 30, t.d + k - 365 + 32, 2, a.base_price_per_night * 2, a.base_price_per_night * 0.6,
                'expired', 'whatsapp', now() - make_interval(days => 365 - k),
                now() - make_interval(days => 365 - k) - interval '30 minutes'
         FROM accommodations a, today t, generate_series(0, 364) k WHERE a.property_id = $1",
    )
    .bind(property)
    .execute(db)
    .await?;
    sqlx::query(
        "WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM properties WHERE id = $1)
         INSERT INTO reservations (code, accommodation_id, guest_phone, check_in, check_out, guests,
                                   total_amount, deposit_amount, status, channel_source, expires_at)
         SELECT 'HL' || a.id || lpad(k::text, 4, '0'), a.id, '549296' || lpad((a.id * 100 + k)::text, 7, '0'),
                t.d + k * 4 + 3, t.d + k * 4 + 4, 2, a.base_price_per_night, a.base_price_per_night * 0.3,
                'pre_reserved', 'whatsapp', now() + make_interval(mins => 10 + k * 5)
         FROM accommodations a, today t, generate_series(1, 8) k WHERE a.property_id = $1",
    )
    .bind(property)
    .execute(db)
    .await?;
    // The deposits paid, approved through Mercado Pago; the cancelled stays' due back.
    sqlx::query(
        "INSERT INTO payments (provider_payment_id, reservation_id, external_reference, status, status_detail,
                               amount, currency, approved_at, created_at)
         SELECT 'MP' || r.id, r.id, r.code, 'approved', 'accredited', r.deposit_amount, 'ARS',
                r.created_at + interval '20 minutes', r.created_at + interval '20 minutes'
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.code LIKE 'RS%'",
    )
    .bind(property)
    .execute(db)
    .await?;
    sqlx::query(
        "INSERT INTO cancellation_requests (reservation_id, requested_at, days_before_check_in, refund_percent,
                                            cause_key, resolved_at, refund_cents)
         SELECT r.id, r.updated_at, 20, 100, 'parse_intent:wa:cancel' || r.id, r.updated_at + interval '1 hour',
                (r.deposit_amount * 100)::bigint
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.status = 'cancelled'",
    )
    .bind(property)
    .execute(db)
    .await?;
    // As a year-old database would be: vacuumed and analyzed.
    sqlx::query("VACUUM (ANALYZE)").execute(db).await?;

    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(property)
            .fetch_one(db)
            .await
    };
    let (latest_conversation, latest_guest): (i64, String) = sqlx::query_as(
        "SELECT id, guest_address FROM conversations WHERE property_id = $1 ORDER BY updated_at DESC LIMIT 1",
    )
    .bind(property)
    .fetch_one(db)
    .await?;
    let arriving_code: String = sqlx::query_scalar(
        "SELECT r.code FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.status = 'pre_reserved' ORDER BY r.expires_at LIMIT 1",
    )
    .bind(property)
    .fetch_one(db)
    .await?;
    let (searched_code, searched_guest): (String, String) = sqlx::query_as(
        "SELECT r.code, split_part(r.guest_name, ' ', 1) || '%20Pérez%20' || split_part(r.guest_name, ' ', 3)
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.code LIKE 'RS%' AND r.status = 'confirmed' ORDER BY r.check_in LIMIT 1 OFFSET 200",
    )
    .bind(property)
    .fetch_one(db)
    .await?;
    let (busy_month, month_code): (String, String) = sqlx::query_as(
        "SELECT to_char(r.check_in, 'YYYY-MM'), r.code
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.code LIKE 'RS%' AND r.status = 'confirmed'
           AND extract(day FROM r.check_in) BETWEEN 5 AND 20
         ORDER BY r.check_in LIMIT 1 OFFSET 30",
    )
    .bind(property)
    .fetch_one(db)
    .await?;
    let due_code: String = sqlx::query_scalar(
        "SELECT r.code FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.status = 'cancelled' ORDER BY r.updated_at LIMIT 1",
    )
    .bind(property)
    .fetch_one(db)
    .await?;
    Ok(Seeded {
        conversations: count("SELECT count(*) FROM conversations WHERE property_id = $1").await?,
        messages: count(
            "SELECT (SELECT count(*) FROM inbound_messages m JOIN conversations c ON c.id = m.conversation_id
                     WHERE c.property_id = $1)
                  + (SELECT count(*) FROM outbox o JOIN conversations c
                     ON o.recipient = c.guest_address AND o.channel = c.channel WHERE c.property_id = $1)",
        )
        .await?,
        reservations: count(
            "SELECT count(*) FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
             WHERE a.property_id = $1",
        )
        .await?,
        payments: count(
            "SELECT count(*) FROM payments p JOIN reservations r ON r.id = p.reservation_id
             JOIN accommodations a ON a.id = r.accommodation_id WHERE a.property_id = $1",
        )
        .await?,
        latest_conversation,
        latest_guest,
        arriving_code,
        searched_guest,
        searched_code,
        busy_month,
        month_code,
        due_code,
    })
}

/// An owner's browser, as far as the console can tell: its session cookie and nothing else.
struct Console {
    http: reqwest::Client,
    base: String,
    cookie: String,
}

impl Console {
    /// Signs in as the seeded owner through the login form (its token, then the post).
    async fn sign_in(base: &str) -> anyhow::Result<Console> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        let login = http.get(format!("{base}/admin/login")).send().await?;
        let anonymous = session_cookie(&login).unwrap_or_default();
        let token = form_token(&login.text().await?)?;
        let done = http
            .post(format!("{base}/admin/login"))
            .header("cookie", format!("fleet_console={anonymous}"))
            .form(&[
                ("csrf", token.as_str()),
                ("email", OWNER),
                ("password", PASSWORD),
            ])
            .send()
            .await?;
        anyhow::ensure!(
            done.status() == reqwest::StatusCode::SEE_OTHER,
            "the owner could not sign in: {}",
            done.status()
        );
        let cookie = session_cookie(&done).ok_or_else(|| anyhow::anyhow!("no session cookie"))?;
        Ok(Console {
            http,
            base: base.to_owned(),
            cookie,
        })
    }

    /// The page at `path`, whole; any answer but 200 is an error.
    async fn get(&mut self, path: &str) -> anyhow::Result<String> {
        let resp = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", format!("fleet_console={}", self.cookie))
            .send()
            .await?;
        anyhow::ensure!(
            resp.status() == reqwest::StatusCode::OK,
            "{path}: {}",
            resp.status()
        );
        Ok(resp.text().await?)
    }
}

fn session_cookie(resp: &reqwest::Response) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("fleet_console="))
        .and_then(|v| v.split(';').next())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// The form token every console form carries in its hidden `csrf` field.
fn form_token(html: &str) -> anyhow::Result<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = html
        .find(marker)
        .ok_or_else(|| anyhow::anyhow!("the login page has no form token"))?
        + marker.len();
    Ok(html
        .get(start..start + 64)
        .ok_or_else(|| anyhow::anyhow!("a short form token"))?
        .to_owned())
}
