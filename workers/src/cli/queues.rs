//! `fleetctl queues`: queue depth per state, as a table or as JSON.

use std::collections::BTreeMap;

use jobs::{QueueName, RedisQueue, backend::QueueDepth};

pub async fn run(queue: &RedisQueue, json: bool) -> anyhow::Result<String> {
    let depths = queue.depth(&QueueName::ALL).await?;
    Ok(if json {
        as_json(&depths)
    } else {
        as_table(&depths)
    })
}

pub fn as_json(depths: &[(QueueName, QueueDepth)]) -> String {
    let map: BTreeMap<&str, QueueDepth> = depths.iter().map(|(q, d)| (q.as_str(), *d)).collect();
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".into())
}

pub fn as_table(depths: &[(QueueName, QueueDepth)]) -> String {
    let mut out = format!(
        "{:<18} {:>9} {:>9} {:>9} {:>9}\n",
        "QUEUE", "PENDING", "RUNNING", "SCHEDULED", "DEAD"
    );
    for (q, d) in depths {
        out.push_str(&format!(
            "{:<18} {:>9} {:>9} {:>9} {:>9}\n",
            q.as_str(),
            d.pending,
            d.running,
            d.scheduled,
            d.dead
        ));
    }
    out
}
