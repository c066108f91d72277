//! `fleet-bench pms`: what the QloApps adapter adds to a conversation turn. A turn that asks
//! about dates reads the property's PMS choice (the workers' flags cache) and the nights taken (`workers::pms`): on the
//! fleet's own store that is SQL only; on QloApps it is also a `hotel_ari` call (here to the
//! loopback fake of `testkit::qloapps`), unless the availability cache has the answer.
//!
//! Three series of the same step, in-process on one fresh database: a property on the fleet's
//! store, a QloApps property with the cache off (`QLOAPPS_AVAILABILITY_CACHE_SECS=0`), and one
//! with the default 20 s cache (every turn of the series asks the same range, as a guest's
//! question, "dale" and correction do). The added latency is each QloApps series' percentile
//! minus the fleet's.

use std::{sync::Arc, time::Duration};

use booking::{StayDates, availability::Occupancy};
use channels::{
    breaker::{Breaker, BreakerConfig, SystemClock},
    guard::Guard,
    qloapps::Qloapps,
};
use chrono::Utc;
use clap::Args;
use secrecy::SecretString;
use testkit::{harness::Fleet, qloapps::QloappsFake};
use workers::{
    flags::FlagCache,
    pms::{self, PropertySystem, QloappsPms},
};

use crate::{scratch, stats};

#[derive(Debug, Args)]
pub struct PmsArgs {
    #[arg(long, env = "REDIS_URL", default_value = "redis://127.0.0.1:6379")]
    pub redis_url: String,
    /// A server-level PostgreSQL URL; the benchmark makes (and drops) its own database.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres:postgres@127.0.0.1:5432/postgres"
    )]
    pub database_url: String,
    /// Timed turns per series.
    #[arg(long, default_value_t = 300)]
    pub rounds: usize,
}

pub async fn run(args: PmsArgs) -> anyhow::Result<()> {
    let prefix = scratch::prefix("pms");
    let db_name = format!("bench_{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
    let fleet = Fleet::create(&args.database_url, &args.redis_url, &db_name, &prefix).await?;
    let outcome = measure(&args, &fleet).await;
    fleet.drop_db().await;
    println!("{}", outcome?);
    Ok(())
}

fn client(fake: &QloappsFake) -> Qloapps {
    let guard = Guard::new(
        "qloapps",
        Arc::new(Breaker::new(
            "qloapps",
            BreakerConfig::default(),
            Arc::new(SystemClock),
        )),
        None,
    );
    Qloapps::new(fake.uri(), SecretString::from(testkit::qloapps::KEY), guard)
}

async fn measure(args: &PmsArgs, fleet: &Fleet) -> anyhow::Result<String> {
    let fleet_cabin = fleet.seed_property().await;
    let fleet_property: i64 =
        sqlx::query_scalar("SELECT property_id FROM accommodations WHERE id = $1")
            .bind(fleet_cabin)
            .fetch_one(&fleet.db)
            .await?;
    let qlo_property: i64 = sqlx::query_scalar(
        "INSERT INTO properties (name, qloapps_hotel_id) VALUES ('Hotel QloApps', 1) RETURNING id",
    )
    .fetch_one(&fleet.db)
    .await?;
    sqlx::query(
        "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night, qloapps_room_type_id)
         VALUES ($1, 'Cabaña Coihue', 4, 50000, 11)",
    )
    .bind(qlo_property)
    .execute(&fleet.db)
    .await?;
    sqlx::query("INSERT INTO property_flags (property_id, pms) VALUES ($1, 'qloapps')")
        .bind(qlo_property)
        .execute(&fleet.db)
        .await?;
    let fake = QloappsFake::start(1, &[(11, "Cabaña Coihue", 1)]).await;
    let uncached = QloappsPms::new(client(&fake), Duration::ZERO);
    let cached = QloappsPms::new(client(&fake), Duration::from_secs(20));
    let check_in = (Utc::now() + chrono::Duration::days(45)).date_naive();
    let stay = StayDates::new(check_in, check_in + chrono::Duration::days(2))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let window = Occupancy::window(&stay);

    let series: [(&str, i64, Option<&QloappsPms>); 3] = [
        ("fleet store", fleet_property, None),
        ("QloApps, no cache", qlo_property, Some(&uncached)),
        ("QloApps, 20 s cache", qlo_property, Some(&cached)),
    ];
    // The workers' flags cache, as a turn finds it (its 5 s default).
    let flags = FlagCache::new(workers::flags::DEFAULT_TTL);
    let mut out = format!(
        "PMS step of a turn (flags + nights taken), {} turns per series, QloApps on loopback\n\n| series | p50 ms | p95 ms | p99 ms | added p50 ms | added p95 ms |\n|---|---|---|---|---|---|\n",
        args.rounds
    );
    let mut base: Option<stats::Summary> = None;
    for (name, property, qloapps) in series {
        let mut samples = Vec::with_capacity(args.rounds);
        // Warm-up: the pool's connections, the fake's first accept, the cache's first fill.
        for round in 0..args.rounds + 20 {
            let started = std::time::Instant::now();
            let mut tx = fleet.db.begin().await?;
            let taken = pms::for_property(qloapps, &flags, &mut tx, property)
                .await?
                .taken(&mut tx, property, window)
                .await?;
            tx.commit().await?;
            let took = started.elapsed();
            std::hint::black_box(taken);
            if round >= 20 {
                samples.push(took);
            }
        }
        let s = stats::summarize(samples).ok_or_else(|| anyhow::anyhow!("no samples"))?;
        let added = |f: fn(&stats::Summary) -> Duration| {
            base.map_or("—".to_owned(), |b| {
                format!("{:.3}", stats::ms(f(&s)) - stats::ms(f(&b)))
            })
        };
        out.push_str(&format!(
            "| {name} | {:.3} | {:.3} | {:.3} | {} | {} |\n",
            stats::ms(s.p50),
            stats::ms(s.p95),
            stats::ms(s.p99),
            added(|s| s.p50),
            added(|s| s.p95),
        ));
        if base.is_none() {
            base = Some(s);
        }
    }
    out.push_str(&format!(
        "\nhotel_ari calls made: {}",
        fake.availability_calls().await
    ));
    Ok(out)
}
