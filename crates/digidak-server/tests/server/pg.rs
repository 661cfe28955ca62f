//! The tests' PostgreSQL: a fresh database per test on the throwaway cluster `scripts/test`
//! starts (`scripts/pg-test-cluster`), named by `TEST_POSTGRES_URL`.

use std::sync::atomic::{AtomicU32, Ordering};

/// The cluster's address, or `None` when the run said there is none (`TEST_POSTGRES_URL=skip`,
/// which the test prints). Unset is an error: the tests would otherwise pass without ever
/// touching PostgreSQL.
pub fn cluster() -> Option<String> {
    match std::env::var("TEST_POSTGRES_URL") {
        Ok(url) if url == "skip" => {
            eprintln!("SKIPPED on PostgreSQL: TEST_POSTGRES_URL=skip");
            None
        }
        Ok(url) => Some(url),
        Err(_) => panic!(
            "TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts a \
             throwaway PostgreSQL (scripts/pg-test-cluster), or set TEST_POSTGRES_URL=skip to \
             leave PostgreSQL out knowingly"
        ),
    }
}

/// A new, empty database on the cluster; its address.
pub fn fresh_db(cluster: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "t_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        uuid::Uuid::new_v4().simple()
    );
    let mut admin = postgres::Client::connect(cluster, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL at {cluster}: {e}"));
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create a test database");
    match cluster.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => panic!("TEST_POSTGRES_URL has no database part: {cluster}"),
    }
}
