//! What the dialogue does next, as one value: `plan` decides it from the message and the
//! state, `act` carries it out (quotes, holds, replies).
//!
//! Only the list of steps: no decision is taken here.

use booking::{Guests, StayDates, StayError};

use crate::{
    nlu::{Feature, InfoTopic, PeriodMention},
    state::Want,
};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step {
    Greet,
    /// "A nombre de Juan Pérez": thanked by name, and the hold waiting for its deposit again.
    NameNoted(String),
    AskGuests,
    AskDates,
    Clarify,
    /// A question about the place no data answers: a person will.
    Unanswered,
    /// "¿La Lenga tiene parrilla? si tiene, reservala": the question answered for `subject`,
    /// then the step the answer allows (the option booked), if any; on a no, `still`: the
    /// cabin asked about is offered and a yes books it anyway.
    IfSo {
        subject: String,
        then: Option<Box<Step>>,
        still: bool,
    },
    /// "¿La Arrayán tiene vista al lago?": words no feature knows, asked of a cabin named.
    HasDescribed {
        name: String,
        words: String,
    },
    /// "¿Tienen cabañas con dos dormitorios?" with nothing on the table: the cabins whose
    /// description or amenities say so, or a person when none does.
    WhichHave(String),
    /// "Preferimos la Coihue y la Ñire" with other cabins offered together: those cabins,
    /// together, for the same stay and party (they sleep everyone); held at once when said
    /// with a yes ("dale, la Coihue y la Ñire").
    TogetherIn {
        names: Vec<String>,
        book: bool,
    },
    /// "¿No hay forma de estar todos en una?" with cabins offered together: the largest cabin
    /// and how many it sleeps; the offer stays.
    LargestIs,
    /// "¿Sos un bot?": the property's assistant, and a person whenever the guest wants one.
    WhoIAm,
    /// "¿Tenés otra?" with options on the table.
    OtherOptions,
    /// The hold stands: until when it is kept, and its link.
    HoldStanding,
    /// The guest says they paid before the payment was confirmed.
    PaymentPending,
    /// The guest says they paid, with nothing held in this conversation: a person checks it.
    PaidNothingHeld,
    Human,
    Invalid(StayError),
    /// Answer questions about the place.
    Info {
        topics: Vec<InfoTopic>,
        features: Vec<Feature>,
        /// The cabin asked about: named, or picked among the options ("¿la segunda…?").
        named: Option<String>,
    },
    /// "¿Cuál tiene jacuzzi?", "is there one with a spa?" with options on the table and only
    /// option `option` having it: the answer, then that option in focus (a yes books it).
    OnlyOneHas {
        topics: Vec<InfoTopic>,
        features: Vec<Feature>,
        option: usize,
    },
    /// "¿Tiene hogar?" of the option proposed, `proposed`, which has none, while option
    /// `option` alone has it: no for the one proposed, which has it, then that one in focus.
    NoButThatOne {
        topics: Vec<InfoTopic>,
        features: Vec<Feature>,
        proposed: String,
        option: usize,
    },
    /// "¿Cuánto sale la Coihue?" from a party larger than it: the cabin's price for the stay
    /// talked about and how many it sleeps; what is on the table stays.
    CabinPrice(String),
    /// "Gracias": a kind word back.
    Thanks,
    /// "Is there a bigger one?", "¿hay algo más barato?", "what else do you have for those
    /// dates?" with an unpaid hold and nothing on the table: the larger (cheaper, other) cabins
    /// free on its dates, offered to replace it.
    Instead(crate::texts::Instead),
    /// "Lo pienso y te aviso": no rush, the offer stays.
    TakeYourTime,
    /// "¿Entramos 5 en la Coihue?": whether that many fit in the cabin named.
    Fits {
        name: String,
        guests: u16,
    },
    /// Look up what is free for the stay; with `Want::Book`, book the first fitting option.
    Quote {
        stay: StayDates,
        guests: Guests,
        want: Want,
    },
    /// The guest pointed at this option of the offer: it is now the one a yes books.
    Pick(usize),
    /// The guest pointed at something the offer does not have.
    NotInOffer,
    /// "La que tiene pileta": no option on the table has it; say whether any cabin does and
    /// why it is not among them, and ask again which.
    NoneOfferedHas(Feature),
    /// "Is there a fireplace?" asked with options on the table, none of which has it while
    /// another cabin does: no first, then which cabin has it and why it is not among them.
    NoneOfferedHasAsked(Feature),
    /// "La que tiene vista al lago": no option on the table has it, the cabin named does; why
    /// it is not among them, and which one then.
    NoneOfferedDescribed(String),
    /// "¿Cuál es la diferencia entre las dos?": the options on the table (else every cabin)
    /// side by side; the cabins `named`, when the guest named two or more.
    Compare {
        named: Vec<String>,
    },
    /// "¿Cuál me recomendás para una pareja?" with nothing offered and no dates yet: the
    /// cheapest cabin that fits this many (and takes the pet), then the dates asked.
    RecommendFor(u16),
    /// "¿Vos cuál me recomendás?" with options on the table: the one in focus, and why.
    Recommend,
    /// "Esa no" to the option in focus of three: which of the others?
    WhichInstead,
    /// "¿Cuánto sale la noche?" with options on the table: each one's price a night.
    NightPrices,
    /// "Sí, dale": book the option in focus.
    BookOffer,
    /// "No, gracias" to the offer: it leaves the table.
    Decline,
    /// A yes with nothing on the table after a hold.
    AlreadyHeld,
    /// "¿Cuál es mi código?": the hold's code (its group's when it has one).
    HeldCode(String),
    /// A reservation code this guest holds nothing under ("¿sigue en pie la RES…?" written
    /// from another phone, or mistyped): nothing is guessed, a person looks it up.
    CodeNotFound(String),
    /// "¿Cuánto es la seña?" after a hold: what the hold costs.
    HeldPrice,
    /// "¿Cómo pago la seña?" with an unpaid hold: how, and the hold's deposit and link.
    PayingHeld,
    /// What is left to pay on a paid reservation, and how.
    BalanceDue,
    /// "¿Me pasás el comprobante?", "¿cuánto me queda por pagar?" after paying: the voucher
    /// (and what else the message asks, when it asks for the voucher).
    Voucher,
    /// "¿Y el resto cómo lo pago?" with a hold: what is left after the deposit and when it is
    /// paid (once paid, the voucher, which says it).
    Balance,
    /// Move the unpaid hold to this stay and head count, and to another cabin when the guest
    /// named one.
    Move {
        stay: StayDates,
        guests: Guests,
        to_cabin: Option<i64>,
    },
    /// A change to a paid reservation: staff.
    PaidChange,
    /// A pet said after holding a cabin that takes none ("uy, vamos con el perro"): the hold
    /// stays while the cabins that take pets, free on its dates, are offered to replace it.
    PetsForHold,
    /// "Dejala como estaba" after a change was proposed (other dates taken, another cabin
    /// offered): what is on the table leaves it, the hold stays as it was.
    KeepHold,
    Cancel,
    /// Winter holidays: say the usual dates and ask which days.
    WhichDays(PeriodMention),
    /// A long weekend asked for in a month that has none: say so and ask which days.
    NoLongWeekend(u32),
    /// "¿Qué tenés libre en marzo?", "¿algo la semana que viene?": the free nights of that
    /// span, cabin by cabin, and which days?
    FreeIn(crate::texts::Span),
}
