//! An accommodation as decisions need it: who fits, what it costs, what it offers.

use crate::{
    Money, StayDates,
    pricing::{self, Quote, Tariff},
    seasons::{self, PriceSeason, TooShort},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accommodation {
    pub id: i64,
    pub property_id: i64,
    pub name: String,
    pub description: String,
    pub capacity: i32,
    pub base_cents: i64,
    /// 10_000 = ×1.00 on Friday and Saturday nights.
    pub weekend_bp: i64,
    /// 3_000 = a 30 % deposit.
    pub deposit_bp: i64,
    /// Links to photos elsewhere (https), as the owner typed them.
    pub photos: Vec<String>,
    /// Photos uploaded from the console that WhatsApp can send (JPEG, PNG), in the owner's
    /// order, each by its public file name `<token>.<ext>`: the ingress serves it at
    /// `<public base URL>/photos/<name>` (`conversation::Facts::public_base_url`).
    pub uploaded_photos: Vec<String>,
    pub amenities: Vec<String>,
    pub pets_allowed: bool,
    /// The cabin's seasons, by first night.
    pub seasons: Vec<PriceSeason>,
}

impl Accommodation {
    pub fn tariff(&self) -> Tariff {
        Tariff {
            base_per_night: Money::from_cents(self.base_cents),
            weekend_multiplier_bp: self.weekend_bp,
            deposit_bp: self.deposit_bp,
        }
    }

    /// What `stay` costs here, each night at its season's price or the base price.
    pub fn quote(&self, stay: &StayDates) -> Quote {
        pricing::quote(&self.tariff(), &self.seasons, stay)
    }

    /// `Err` when `stay` is shorter than the minimum of the season of its first night.
    pub fn min_nights(&self, stay: &StayDates) -> Result<(), TooShort<'_>> {
        seasons::check_min_nights(&self.seasons, stay)
    }

    pub fn fits(&self, guests: u16) -> bool {
        self.capacity >= i32::from(guests)
    }

    /// Whether a party takes it: any cabin when they bring no pet, else one that allows pets.
    pub fn takes_pets_if(&self, pets: bool) -> bool {
        !pets || self.pets_allowed
    }
}
