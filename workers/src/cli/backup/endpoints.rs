//! The command lines of the stores' own tools (`pg_dump`, `pg_restore`, `redis-cli`) made from
//! the fleet's URLs, with no I/O: the password goes to the child's environment (`PGPASSWORD`,
//! `REDISCLI_AUTH`), never onto its command line (other users of the host read those in `ps`)
//! and never into what fleetctl prints.

use std::fmt;

use reqwest::Url;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum EndpointError {
    #[error("{0} is not a URL")]
    NotAUrl(&'static str),
    #[error("{0} names no database")]
    NoDatabase(&'static str),
    #[error(
        "REDIS_URL must be redis:// or rediss:// (one server; a backup of a cluster is not supported)"
    )]
    RedisScheme,
}

/// A PostgreSQL database as `pg_dump` and `pg_restore` reach it.
#[derive(Clone, PartialEq, Eq)]
pub struct Postgres {
    /// The URL without its password.
    url: String,
    password: Option<String>,
    pub database: String,
}

impl Postgres {
    pub fn parse(url: &str) -> Result<Postgres, EndpointError> {
        let mut parsed = Url::parse(url).map_err(|_| EndpointError::NotAUrl("DATABASE_URL"))?;
        let database = parsed.path().trim_start_matches('/').to_owned();
        if database.is_empty() {
            return Err(EndpointError::NoDatabase("DATABASE_URL"));
        }
        let password = parsed.password().map(percent_decode);
        let _ = parsed.set_password(None);
        Ok(Postgres {
            url: parsed.to_string(),
            password,
            database: percent_decode(&database),
        })
    }

    /// `--dbname=<URL without password>`.
    pub fn dbname_arg(&self) -> String {
        format!("--dbname={}", self.url)
    }

    /// What the child's environment gets (`PGPASSWORD` when the URL has one).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        self.password
            .iter()
            .map(|p| ("PGPASSWORD", p.clone()))
            .collect()
    }
}

/// Prints the URL without its password.
impl fmt::Display for Postgres {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

impl fmt::Debug for Postgres {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Postgres({})", self.url)
    }
}

/// A Redis server as `redis-cli` reaches it.
#[derive(Clone, PartialEq, Eq)]
pub struct Redis {
    host: String,
    port: u16,
    db: u32,
    user: Option<String>,
    password: Option<String>,
    tls: bool,
}

impl Redis {
    pub fn parse(url: &str) -> Result<Redis, EndpointError> {
        let parsed = Url::parse(url).map_err(|_| EndpointError::NotAUrl("REDIS_URL"))?;
        let tls = match parsed.scheme() {
            "redis" => false,
            "rediss" => true,
            _ => return Err(EndpointError::RedisScheme),
        };
        let host = parsed
            .host_str()
            .ok_or(EndpointError::NotAUrl("REDIS_URL"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let db = parsed.path().trim_start_matches('/').parse().unwrap_or(0);
        let user = Some(percent_decode(parsed.username())).filter(|u| !u.is_empty());
        Ok(Redis {
            host,
            port: parsed.port().unwrap_or(6379),
            db,
            user,
            password: parsed.password().map(percent_decode),
            tls,
        })
    }

    /// `redis-cli`'s connection arguments (the password is in [`Redis::env`]).
    pub fn args(&self) -> Vec<String> {
        let mut args = vec![
            "-h".to_owned(),
            self.host.clone(),
            "-p".to_owned(),
            self.port.to_string(),
            "-n".to_owned(),
            self.db.to_string(),
        ];
        if let Some(user) = &self.user {
            args.extend(["--user".to_owned(), user.clone()]);
        }
        if self.tls {
            args.push("--tls".to_owned());
        }
        args
    }

    /// `REDISCLI_AUTH` when the URL has a password.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        self.password
            .iter()
            .map(|p| ("REDISCLI_AUTH", p.clone()))
            .collect()
    }
}

impl fmt::Display for Redis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.tls { "rediss" } else { "redis" };
        write!(f, "{scheme}://{}:{}/{}", self.host, self.port, self.db)
    }
}

impl fmt::Debug for Redis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redis({self})")
    }
}

/// `%XX` escapes of a URL part back to their bytes (a password may hold `@`, `:` or `/`).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_postgres_password_goes_to_the_environment_only() {
        let pg = Postgres::parse("postgres://owner:s%40cr%3At@db.internal:5432/fleet").unwrap();
        assert_eq!(pg.database, "fleet");
        assert_eq!(
            pg.dbname_arg(),
            "--dbname=postgres://owner@db.internal:5432/fleet"
        );
        assert_eq!(pg.env(), vec![("PGPASSWORD", "s@cr:t".to_owned())]);
        assert!(!pg.to_string().contains("cr"));
        assert!(!format!("{pg:?}").contains("cr"));
    }

    #[test]
    fn a_postgres_url_without_a_password_or_a_database() {
        let pg = Postgres::parse("postgres://postgres@127.0.0.1:5432/fleet_t").unwrap();
        assert!(pg.env().is_empty());
        assert_eq!(
            Postgres::parse("postgres://postgres@127.0.0.1:5432"),
            Err(EndpointError::NoDatabase("DATABASE_URL"))
        );
        assert_eq!(
            Postgres::parse("not a url"),
            Err(EndpointError::NotAUrl("DATABASE_URL"))
        );
    }

    #[test]
    fn redis_cli_gets_host_port_db_and_the_password_apart() {
        let r = Redis::parse("rediss://app:p%2Fw@cache.internal:6380/2").unwrap();
        assert_eq!(
            r.args(),
            [
                "-h",
                "cache.internal",
                "-p",
                "6380",
                "-n",
                "2",
                "--user",
                "app",
                "--tls"
            ]
        );
        assert_eq!(r.env(), vec![("REDISCLI_AUTH", "p/w".to_owned())]);
        assert_eq!(r.to_string(), "rediss://cache.internal:6380/2");
        let plain = Redis::parse("redis://127.0.0.1:6379").unwrap();
        assert_eq!(plain.args(), ["-h", "127.0.0.1", "-p", "6379", "-n", "0"]);
        assert!(plain.env().is_empty());
        assert_eq!(
            Redis::parse("redis+sentinel://a:26379/mymaster"),
            Err(EndpointError::RedisScheme)
        );
    }
}
