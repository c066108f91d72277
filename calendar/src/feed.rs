//! What an imported feed's address must look like, checked where people type it (the setup
//! page, `fleetctl ical add`) before anything is stored: `http://` or `https://`, a host, no
//! spaces, at most [`MAX_URL`] characters. The fetcher (`channels::ical`) parses it again
//! when it syncs; this is the one place that refuses it up front. Pure: it never fetches.

/// Longest feed address accepted (Airbnb's and Booking's are about 150 characters).
pub const MAX_URL: usize = 2000;

/// Why a feed's address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FeedUrlError {
    #[error("the feed URL must start with http:// or https://")]
    Scheme,
    #[error("the feed URL has no host")]
    NoHost,
    #[error("the feed URL has spaces or control characters")]
    Spaces,
    #[error("the feed URL is longer than {MAX_URL} characters")]
    TooLong,
}

/// The address, trimmed, when it can be a feed's.
pub fn checked_url(raw: &str) -> Result<String, FeedUrlError> {
    let url = raw.trim();
    if url.chars().count() > MAX_URL {
        return Err(FeedUrlError::TooLong);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FeedUrlError::Spaces);
    }
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|s| lower.strip_prefix(s))
        .ok_or(FeedUrlError::Scheme)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    if host.is_empty() {
        return Err(FeedUrlError::NoHost);
    }
    Ok(url.to_owned())
}

/// The channel a feed comes from, by its host (`ical_feeds.channel`): `airbnb`, `booking`,
/// `vrbo`, `google` or `other`.
pub fn channel_of(url: &str) -> &'static str {
    let lower = url.to_ascii_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let known = [
        ("airbnb.", "airbnb"),
        ("booking.com", "booking"),
        ("vrbo.", "vrbo"),
        ("homeaway.", "vrbo"),
        ("google.com", "google"),
    ];
    known
        .iter()
        .find(|(part, _)| host.contains(part))
        .map_or("other", |(_, channel)| channel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_feeds() {
        assert_eq!(
            checked_url(" https://www.airbnb.com/calendar/ical/1.ics?s=x "),
            Ok("https://www.airbnb.com/calendar/ical/1.ics?s=x".into())
        );
        assert!(checked_url("HTTP://127.0.0.1:8080/a.ics").is_ok());
        assert_eq!(
            checked_url("ftp://x.example/a.ics"),
            Err(FeedUrlError::Scheme)
        );
        assert_eq!(
            checked_url("webcal://x.example/a"),
            Err(FeedUrlError::Scheme)
        );
        assert_eq!(checked_url("x.example/a.ics"), Err(FeedUrlError::Scheme));
        assert_eq!(checked_url("https:///a.ics"), Err(FeedUrlError::NoHost));
        assert_eq!(checked_url("https://"), Err(FeedUrlError::NoHost));
        assert_eq!(
            checked_url("https://a b.example/"),
            Err(FeedUrlError::Spaces)
        );
        let long = format!("https://x.example/{}", "a".repeat(MAX_URL));
        assert_eq!(checked_url(&long), Err(FeedUrlError::TooLong));
    }

    #[test]
    fn the_channel_is_read_from_the_host() {
        assert_eq!(
            channel_of("https://www.airbnb.com.ar/calendar/ical/1.ics"),
            "airbnb"
        );
        assert_eq!(
            channel_of("https://admin.booking.com/hotel/ical.ics"),
            "booking"
        );
        assert_eq!(channel_of("https://x.example/?q=airbnb."), "other");
    }
}
