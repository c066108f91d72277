//! Free loopback ports for the servers a test starts (a worker's metrics page, a Redis node,
//! chromedriver).
//!
//! Never one this process handed out before: the kernel may offer a port again as soon as it
//! is released, and two tests running at once would then start their servers on one port, the
//! second failing to bind and its test talking to the first's server (another worker's metrics
//! page, another test's Redis).

use std::{net::TcpListener, sync::Mutex};

/// A free TCP port on loopback (free when asked; taken by the server right after), not handed
/// out before by this process.
pub fn free_port() -> u16 {
    static GIVEN: Mutex<Vec<u16>> = Mutex::new(Vec::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}
