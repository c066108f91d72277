//! The whole fleet (the real ingress, two `worker` processes) on Redis beyond one node: a local
//! three-primary Redis Cluster, and a primary with a replica watched by three sentinels whose
//! primary is killed mid-traffic. Guests write signed WhatsApp webhooks; each must get exactly
//! one reply, and with the ingress's pushes confirmed by a replica (`REDIS_WAIT_REPLICAS=1` at
//! the ingress) every message the ingress acknowledged is answered, once, after the failover.
//! The workers' pushes are not confirmed: a reply's job pushed to the primary just before it
//! died can be lost while the turn that made it is acknowledged on the promoted one; the
//! outbox sweeper queues such a reply again (`Sweeper::repair_unsent`, proved on its own in
//! `outbox.rs`), after `OUTBOX_SWEEP_GRACE_MS` × 6. With the workers' sending marks confirmed
//! too, this test failed about one run in three (the marks went unconfirmed for ~11 s after
//! the failover); the sending-mark wait is proved on its own in
//! `jobs/tests/protocol/replicas.rs`.

use std::{collections::BTreeMap, time::Duration};

use jobs::backend::ReplicaWait;
use testkit::redis_nodes::{LocalCluster, LocalSentinels};

use crate::support::*;

const PHONE_NUMBER_ID: &str = "106540352242922";

/// A distinct guest number per index.
fn guest(i: usize) -> String {
    format!("54911555{i:05}")
}

/// One guest's first message, as Meta delivers it.
fn first_message(i: usize) -> String {
    deliveries::whatsapp(
        PHONE_NUMBER_ID,
        &guest(i),
        vec![deliveries::whatsapp_text(
            &guest(i),
            &format!("wamid.TOPO{i}"),
            "hola, ¿tenés lugar?",
        )],
    )
    .to_string()
}

/// Replies the Graph fake received, per recipient.
async fn replies_per_guest(graph: &wiremock::MockServer) -> BTreeMap<String, usize> {
    let mut per = BTreeMap::new();
    for request in graph.received_requests().await.unwrap_or_default() {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
        if let Some(to) = body["to"].as_str() {
            *per.entry(to.to_owned()).or_insert(0) += 1;
        }
    }
    per
}

/// The Argentine mobile as WhatsApp writes the recipient (without the 9 after 54).
fn recipient(i: usize) -> String {
    let g = guest(i);
    format!("54{}", &g[3..])
}

/// A fleet of its own (fresh database, the property seeded) on `redis_url`, and a Graph API
/// fake that accepts every reply.
async fn fleet_on(redis_url: &str) -> (Fleet, wiremock::MockServer) {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let fleet = Fleet::create(
        &admin_url(),
        redis_url,
        &format!("fleet_t_{id}"),
        &format!("ttest-{id}"),
    )
    .await
    .unwrap();
    fleet.seed_property().await;
    (fleet, graph_accepting_all().await)
}

/// Each of the first `guests` guests gets exactly one reply, within `within`.
async fn every_guest_answered_once(
    fleet: &Fleet,
    graph: &wiremock::MockServer,
    guests: usize,
    within: Duration,
) {
    assert!(
        eventually(within, || async {
            sent_replies(fleet).await == guests as i64
        })
        .await,
        "every acknowledged message answered: {} of {guests}",
        sent_replies(fleet).await
    );
    // Time for a reply sent twice to arrive.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let per = replies_per_guest(graph).await;
    for i in 0..guests {
        assert_eq!(per.get(&recipient(i)), Some(&1), "guest {i}: {per:?}");
    }
}

async fn sent_replies(fleet: &Fleet) -> i64 {
    count(
        &fleet.db,
        "SELECT count(*) FROM outbound_messages WHERE status = 'sent'",
    )
    .await
}

#[tokio::test]
async fn a_fleet_on_a_redis_cluster_answers_every_guest_once() {
    let cluster = LocalCluster::start().expect("redis-server in cluster mode");
    let (fleet, graph) = fleet_on(&cluster.url()).await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let _w = Reaper(vec![
        fleet.spawn_worker(WORKER, &env, &[]),
        fleet.spawn_worker(WORKER, &env, &[]),
    ]);
    let webhooks = testkit::Webhooks::new(fleet.spawn_ingress().await);

    const GUESTS: usize = 12;
    for i in 0..GUESTS {
        // Each delivery twice, as Meta redelivers: still one answer.
        for _ in 0..2 {
            let resp = webhooks
                .whatsapp_signed(WA_SECRET, first_message(i))
                .await
                .unwrap();
            assert_eq!(resp.status(), 200);
        }
    }
    // Alone this takes about 4 s. On a starved CPU (two cores shared with eight busy loops) one
    // run in six took 70 s, every guest still answered once (most likely calls timing out, 1 s
    // to connect and 5 s to answer, leaving jobs to wait out their 15 s lease). The deadline is
    // for that; what this test holds to is once each, on a cluster.
    every_guest_answered_once(&fleet, &graph, GUESTS, Duration::from_secs(90)).await;
    // Every key of the fleet lives in the slot of its hash tag, on one node.
    let slots: Vec<i64> = {
        let mut conn = redis::Client::open(format!("redis://127.0.0.1:{}", cluster.ports()[0]))
            .unwrap()
            .get_multiplexed_async_connection()
            .await
            .unwrap();
        let mut slots = Vec::new();
        for key in [
            format!("{}:q:parse_intent:stats", fleet.queue.prefix()),
            format!("{}:workers", fleet.queue.prefix()),
            fleet.queue.prefix().to_owned(),
        ] {
            slots.push(
                redis::cmd("CLUSTER")
                    .arg("KEYSLOT")
                    .arg(key)
                    .query_async(&mut conn)
                    .await
                    .unwrap(),
            );
        }
        slots
    };
    assert!(slots.windows(2).all(|w| w[0] == w[1]), "{slots:?}");
}

#[tokio::test]
async fn the_fleet_follows_a_sentinel_failover_and_answers_every_acknowledged_message_once() {
    let master = "fleet-t";
    // Two replicas: after the failover the new primary still has one to confirm pushes.
    let mut sentinels =
        LocalSentinels::with_replicas(master, 2).expect("redis-server and redis-sentinel");
    let (fleet, graph) = fleet_on(&format!("redis://127.0.0.1:{}", sentinels.primary_port())).await;
    let mut env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    env.push(("REDIS_SENTINELS".into(), sentinels.sentinel_urls()));
    env.push(("REDIS_SENTINEL_MASTER".into(), master.into()));
    // A reply lost with the old primary is queued again 6 s after it was written.
    env.push(("OUTBOX_SWEEP_GRACE_MS".into(), "1000".into()));
    env.push(("OUTBOX_SWEEP_EVERY_MS".into(), "500".into()));
    let _w = Reaper(vec![
        fleet.spawn_worker(WORKER, &env, &[]),
        fleet.spawn_worker(WORKER, &env, &[]),
    ]);
    let topology = sentinels.topology();
    let ingress = fleet
        .spawn_ingress_with(move |cfg| {
            cfg.queue.topology = topology;
            cfg.queue.replica_wait = Some(ReplicaWait {
                replicas: 1,
                timeout: Duration::from_millis(500),
            });
        })
        .await;
    let webhooks = testkit::Webhooks::new(ingress);

    // Guests write; half-way the primary is killed. Like Meta, a guest's delivery is sent again
    // until it is acknowledged with a 200.
    const GUESTS: usize = 16;
    let mut refused = 0;
    for i in 0..GUESTS {
        if i == GUESTS / 2 {
            sentinels.kill_primary();
        }
        let mut acknowledged = false;
        for _ in 0..120 {
            let resp = webhooks
                .whatsapp_signed(WA_SECRET, first_message(i))
                .await
                .unwrap();
            if resp.status() == 200 {
                acknowledged = true;
                break;
            }
            assert_eq!(resp.status(), 503, "a Redis that is failing over is a 503");
            refused += 1;
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        assert!(acknowledged, "guest {i}: never acknowledged");
    }
    sentinels
        .wait_for_failover(Duration::from_secs(30))
        .await
        .unwrap();
    assert!(refused > 0, "the failover was seen by the ingress (503s)");

    every_guest_answered_once(&fleet, &graph, GUESTS, Duration::from_secs(60)).await;
}
