// `sqlx::migrate!` embeds `migrations/` at compile time: rebuild when a migration is added or
// changed (sqlx's documented build script).
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
