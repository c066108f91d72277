//! Workers that die or are stopped never lose a job nor repeat its effects.

use std::time::Duration;

use jobs::QueueName::ConfirmPayment;
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{method, path, path_regex},
};

use crate::support::*;

/// Two worker processes; the one running a slow job is SIGKILLed mid-job. The other runs it
/// again after the lease lapses, and the payment is confirmed exactly once, with one reply.
#[tokio::test]
async fn a_worker_killed_mid_job_leaves_it_to_another_and_the_effect_happens_once() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101001").await;
    let mp = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/7001"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(approved_payment(7001, "RES000101001"))
                .set_delay(Duration::from_millis(2500)),
        )
        .mount(&mp)
        .await;
    let graph = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path_regex("^/106540352242922/messages$"))
        .respond_with(graph_ok())
        .expect(1)
        .mount(&graph)
        .await;

    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let only = [("WORKER_QUEUES", "confirm_payment,send_reply")];
    let mut workers = Reaper(vec![
        fleet.spawn_worker(WORKER, &env, &only),
        fleet.spawn_worker(WORKER, &env, &only),
    ]);
    tokio::time::sleep(Duration::from_millis(800)).await;
    enqueue_payment(&fleet.queue, "7001").await;

    // Wait until the payment is being fetched (the job is mid-run), then kill its worker.
    assert!(
        eventually(Duration::from_secs(10), || async {
            !mp.received_requests().await.unwrap_or_default().is_empty()
        })
        .await
    );
    let holder = holder_pid(&fleet).await.expect("a worker holds the job");
    let victim = workers
        .0
        .iter()
        .position(|c| c.id() == holder)
        .expect("holder is one of ours");
    workers.0[victim].kill().expect("SIGKILL");
    let _ = workers.0[victim].wait();

    assert!(
        eventually(Duration::from_secs(20), || async {
            count(&fleet.db, "SELECT count(*) FROM reservations WHERE code = 'RES000101001' AND status = 'confirmed'").await == 1
                && count(&fleet.db, "SELECT count(*) FROM outbound_messages WHERE status = 'sent'").await == 1
        })
        .await,
        "the survivor did not finish the job"
    );
    assert_eq!(
        mp.received_requests().await.unwrap().len(),
        2,
        "run once by the victim, once by the survivor"
    );
    assert_eq!(count(&fleet.db, "SELECT count(*) FROM payments").await, 1);
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM idempotency_records WHERE queue = 'confirm_payment'"
        )
        .await,
        1
    );
    assert!(
        eventually(Duration::from_secs(5), || async {
            fleet.depth(ConfirmPayment).await == Default::default()
        })
        .await
    );
    drop(workers);
    graph.verify().await;
    fleet.drop_db().await;
}

/// SIGTERM during a slow job: the job finishes, the process exits 0, nothing is left behind.
#[tokio::test]
async fn sigterm_lets_the_running_job_finish_and_exits_zero() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101002").await;
    let mp = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/7002"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(approved_payment(7002, "RES000101002"))
                .set_delay(Duration::from_millis(2000)),
        )
        .mount(&mp)
        .await;
    let graph = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(graph_ok())
        .mount(&graph)
        .await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let mut workers = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "confirm_payment")],
    )]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    enqueue_payment(&fleet.queue, "7002").await;
    assert!(
        eventually(Duration::from_secs(10), || async {
            !mp.received_requests().await.unwrap_or_default().is_empty()
        })
        .await
    );

    signal(&workers.0[0], "TERM");
    let status =
        wait_exit(&mut workers.0[0], Duration::from_secs(15)).expect("worker exits after SIGTERM");
    assert!(status.success(), "exit status {status:?}");
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE code = 'RES000101002' AND status = 'confirmed'"
        )
        .await,
        1
    );
    let d = fleet.depth(ConfirmPayment).await;
    assert_eq!((d.pending, d.running, d.scheduled, d.dead), (0, 0, 0, 0));
    // The confirmation reply is queued for a send_reply worker, not lost.
    assert_eq!(fleet.depth(jobs::QueueName::SendReply).await.pending, 1);
    fleet.drop_db().await;
}

/// The pid of the worker whose in-flight list holds a confirm_payment job (worker ids start
/// with the process id).
async fn holder_pid(fleet: &Fleet) -> Option<u32> {
    let client = redis::Client::open(redis_url()).ok()?;
    let mut conn = client.get_multiplexed_async_connection().await.ok()?;
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{{{}}}:q:confirm_payment:inflight:*", fleet.prefix))
        .query_async(&mut conn)
        .await
        .ok()?;
    for key in keys {
        let len: i64 = redis::cmd("LLEN")
            .arg(&key)
            .query_async(&mut conn)
            .await
            .ok()?;
        if len > 0 {
            let wid = key.rsplit("inflight:").next()?;
            return wid.split('-').next()?.parse().ok();
        }
    }
    None
}
