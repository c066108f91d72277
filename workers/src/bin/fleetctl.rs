//! The `fleetctl` binary: see `workers::cli`.

use anyhow::Context;
use clap::Parser;
use jobs::RedisQueue;
use workers::{
    cli::{
        Cli, Command, DlqCommand, FlagsCommand, IcalCommand, QloappsCommand, StaffCommand, backup,
        demo, dlq, flags, ical, nlu, qloapps, queues, staff, transcribe,
    },
    config,
};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let out = match cli.command {
        Command::Migrate => {
            let url = config::database_url()?;
            let created = store::create_if_missing(&url)
                .await
                .context("creating the database")?;
            let pool = store::connect(&url, 2)
                .await
                .context("connecting to PostgreSQL")?;
            store::migrate(&pool).await.context("running migrations")?;
            if let Some(password) = config::var("FLEET_APP_DB_PASSWORD") {
                store::pool::set_app_password(&pool, &password.into())
                    .await
                    .context("setting the fleet_app role's password")?;
            }
            if created {
                "database created, migrations applied".to_owned()
            } else {
                "migrations applied".to_owned()
            }
        }
        Command::Backup { to, under, keep } => {
            let stores = backup_stores()?;
            match (to, under) {
                (Some(dir), _) => backup::backup(&dir, &stores).await?,
                (None, Some(root)) => backup::backup_under(&root, keep, &stores).await?,
                (None, None) => anyhow::bail!("--to or --under is required"),
            }
        }
        Command::Restore {
            from,
            redis_dir,
            verify_only,
        } => {
            if verify_only {
                let m = backup::verify(&from)?;
                format!(
                    "backup {} is whole: taken at {}, database {}",
                    from.display(),
                    m.created_at.to_rfc3339(),
                    m.database
                )
            } else {
                let password = config::var("FLEET_APP_DB_PASSWORD").map(Into::into);
                backup::restore(
                    &from,
                    redis_dir.as_deref(),
                    password.as_ref(),
                    &backup_stores()?,
                )
                .await?
            }
        }
        Command::Queues { json } => queues::run(&connect_queue().await?, json).await?,
        Command::Dlq { command } => {
            let queue = connect_queue().await?;
            match command {
                DlqCommand::List {
                    queue: name,
                    limit,
                    json,
                } => dlq::list(&queue, name, limit, json).await?,
                DlqCommand::Retry {
                    queue: name,
                    id,
                    all,
                } => dlq::act(&queue, name, dlq::Action::Retry, id, all).await?,
                DlqCommand::Purge {
                    queue: name,
                    id,
                    all,
                } => dlq::act(&queue, name, dlq::Action::Purge, id, all).await?,
            }
        }
        Command::Nlu {
            today,
            accommodations,
        } => {
            let today = today.unwrap_or_else(|| chrono::Utc::now().date_naive());
            nlu::run(
                today,
                &accommodations,
                std::io::stdin().lock(),
                std::io::stdout().lock(),
            )?;
            return Ok(());
        }
        Command::Transcribe { file, say, json } => {
            transcribe::run(file.as_deref(), say.as_deref(), json)?
        }
        Command::Staff {
            command:
                StaffCommand::Add {
                    property,
                    email,
                    role,
                },
        } => {
            let password = staff::password(std::io::stdin().lock())?;
            let pool = store::connect(&config::database_url()?, 2)
                .await
                .context("connecting to PostgreSQL")?;
            staff::add(&pool, property, &email, &role, &password).await?
        }
        Command::Flags { command } => match command {
            FlagsCommand::Show { property } => flags::show(&connect_db().await?, &property).await?,
            FlagsCommand::Set { property, changes } => {
                flags::set(&connect_db().await?, &property, &changes).await?
            }
        },
        Command::Qloapps { command } => match command {
            QloappsCommand::Show { property } => {
                qloapps::show(&connect_db().await?, &property).await?
            }
            QloappsCommand::Map {
                property,
                hotel,
                rooms,
            } => {
                let change = store::pms::MappingChange {
                    hotel_id: hotel.map(|h| h.0),
                    room_types: rooms,
                };
                qloapps::map(&connect_db().await?, &property, change).await?
            }
        },
        Command::DemoSeed => {
            let pool = store::connect(&config::database_url()?, 2)
                .await
                .context("connecting to PostgreSQL")?;
            demo::seed(&pool).await?
        }
        Command::Simulate {
            ingress,
            phone,
            email,
            lines,
        } => {
            let mut guest = match email {
                Some(address) => demo::Guest::email(
                    &ingress,
                    demo::DEMO_EMAIL,
                    &address,
                    &config::var("MAILGUN_WEBHOOK_SIGNING_KEY")
                        .context("MAILGUN_WEBHOOK_SIGNING_KEY must be set to sign emails")?,
                ),
                None => demo::Guest::whatsapp(
                    &ingress,
                    demo::DEMO_PHONE_NUMBER_ID,
                    &phone.unwrap_or_else(|| {
                        format!("54911{}", rand::random_range(10_000_000..99_999_999u32))
                    }),
                    &config::var("WHATSAPP_APP_SECRET")
                        .context("WHATSAPP_APP_SECRET must be set to sign deliveries")?,
                ),
            };
            if let Some(secret) = config::var("MERCADOPAGO_WEBHOOK_SECRET") {
                guest = guest.with_mercadopago_secret(&secret);
            }
            let lines = if lines.is_empty() {
                demo::default_script(chrono::Utc::now().date_naive())
            } else {
                lines
            };
            demo::simulate(&guest, &lines).await?
        }
        Command::Ical { command } => match command {
            IcalCommand::Parse { file, tz, today } => {
                let bytes =
                    std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
                let today =
                    today.unwrap_or_else(|| chrono::Utc::now().with_timezone(&tz).date_naive());
                ical::parse_file(
                    &bytes,
                    tz,
                    today,
                    std::io::stdout().lock(),
                    std::io::stderr().lock(),
                )?;
                return Ok(());
            }
            IcalCommand::Url { accommodation_id } => ical::url(accommodation_id)?,
            IcalCommand::Sync { feed_id } => {
                ical::sync(&connect_db().await?, &connect_queue().await?, feed_id).await?
            }
            IcalCommand::AddFeed {
                accommodation_id,
                url,
                channel,
            } => ical::add_feed(&connect_db().await?, accommodation_id, &url, &channel).await?,
            IcalCommand::Feeds => ical::feeds(&connect_db().await?).await?,
            IcalCommand::Conflicts { all, json } => {
                ical::conflicts(&connect_db().await?, all, json).await?
            }
            IcalCommand::Resolve { conflict_id } => {
                ical::resolve(&connect_db().await?, conflict_id).await?
            }
        },
        Command::Recover => {
            let (requeued, dead) = connect_queue().await?.recover().await?;
            format!("requeued {requeued}, dead-lettered {dead}")
        }
    };
    println!("{out}");
    Ok(())
}

fn backup_stores() -> anyhow::Result<backup::Stores> {
    let queue = config::queue_config_from_env()?;
    let url = config::var("REDIS_URL").unwrap_or_else(|| "redis://127.0.0.1:6379".into());
    Ok(backup::Stores::new(
        config::database_url()?,
        &url,
        queue.prefix,
    )?)
}

async fn connect_db() -> anyhow::Result<sqlx::PgPool> {
    store::connect(&config::database_url()?, 2)
        .await
        .context("connecting to PostgreSQL")
}

async fn connect_queue() -> anyhow::Result<RedisQueue> {
    RedisQueue::connect(config::queue_config_from_env()?)
        .await
        .context("connecting to Redis (REDIS_URL)")
}
