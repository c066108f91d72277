//! What one guest message says, as the rest of the crate reads it: [`Understanding`] and the
//! values it carries (intents, info topics, features, picks, holiday periods).
//!
//! Plain data: nothing here reads text or decides a reply; `understand` fills it and the
//! policy acts on it.

use chrono::NaiveDate;

use crate::Language;

/// Everything read from one guest message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Understanding {
    pub intent: Intent,
    pub check_in: Option<NaiveDate>,
    pub check_out: Option<NaiveDate>,
    pub guests: Option<u16>,
    /// "RES" + yymmdd + 3 or more digits, uppercase ("RES251215001").
    pub reservation_code: Option<String>,
    /// The entry of `accommodations` the guest named (the exact string given), if any.
    pub accommodation: Option<String>,
    /// Every entry the guest named equally ("la lenga y la coihue"); one when `accommodation`
    /// is set.
    pub accommodations: Vec<String>,
    /// Only with [`Intent::AskInfo`].
    pub info_topic: Option<InfoTopic>,
    /// The guest agrees to what was last offered ("sí", "dale", "de una", "reservá").
    pub affirmative: bool,
    /// The agreement is only a mild word ("ok", "great", "genial", "tá bom"), no "dale",
    /// "confirmo" or order to book: with nothing on the table it acknowledges the last answer.
    #[serde(skip)]
    pub mild_yes: bool,
    /// The pet is left at home ("sin perro", "sem cachorro", "without the dog", or unnamed
    /// after it was talked about: "vamos sem ele"): no pets.
    #[serde(skip)]
    pub no_pets: bool,
    /// The question goes on about what the last one was about ("¿y acepta perros?", "and
    /// does it have wifi?", "e aceita cachorro?").
    #[serde(skip)]
    pub follows_on: bool,
    /// The question is about one cabin left unnamed ("¿tiene jacuzzi?", "does it have a
    /// grill?"), not about the place or any of several ("¿tienen…?", "¿alguna tiene…?").
    #[serde(skip)]
    pub of_it: bool,
    /// 0.0..=1.0; see the `confidence` module for the rule.
    pub confidence: f32,
    /// The language the message is written in, when its words say so (`None` for "ok",
    /// "15/12"): the conversation keeps its own otherwise.
    pub language: Option<Language>,
    /// The message is plainly in `language` (two words or more ahead of any other): enough to
    /// switch a conversation held in another language other than the default.
    pub language_sure: bool,
    /// Thanks ("gracias", "muchas gracias", "thank you", "obrigado").
    pub thanks: bool,
    /// Information asked for in general ("quería info", "me pasás información?"), no question
    /// in particular: what a first message asking for dates and people answers.
    pub general_info: bool,
    /// A question about the place in words no table knows ("¿hay señal de celular?", "¿se
    /// puede hacer fuego?", "is there a supermarket nearby?"): for a person to answer, never
    /// the menu of what the bot can do.
    pub unknown_question: bool,
    /// Such a question in a clause of its own beside what the message asks ("somos 4 del 10 al
    /// 12, ¿tienen lugar? ¿hay un súper cerca?"): the rest is answered, and it goes to a person.
    pub aside_question: bool,
    /// The guest asks how the cabins differ ("¿cuál es la diferencia entre las dos?", "what's
    /// the difference?", "qual a diferença?").
    pub compares: bool,
    /// "La que tiene vista al lago": the words an option is pointed at by when they name no
    /// known feature, for the conversation to find in the options' descriptions.
    pub described: Option<String>,
    /// The guest asks which one we recommend ("¿vos cuál me recomendás?", "¿cuál conviene?",
    /// "which one would you recommend?", "qual você recomenda?").
    pub asks_recommendation: bool,
    /// Parties that travel together but stay apart ("dos familias de 4": [4, 4]); empty when
    /// none is said. Their sum is `guests`.
    pub parties: Vec<u16>,
    /// How many the guest puts in each cabin named ("5 en la Lenga y 2 en el Arrayán"), in
    /// the order said: two or more cabins, each named once.
    pub placed: Vec<(String, u16)>,
    /// "El precio de cada cabaña", "each cabin": every cabin asked about, not one.
    pub each_cabin: bool,
    /// "¿Tienen descuento?", "any discount for a long stay?": for a person to answer.
    pub asks_discount: bool,
    /// "¿Sos un bot?", "are you a robot?", "é um robô?": what the guest is talking to.
    pub asks_bot: bool,
    /// "Do you speak English?", "¿hablan portugués?": the language the guest asks for.
    pub language_asked: Option<Language>,
    /// "¿No hay forma de estar todos en una?", "all in one cabin?": whether the whole party fits
    /// in one cabin.
    pub all_in_one: bool,
    /// The guest asks for something besides what was offered ("¿tenés otra?", "¿otras
    /// opciones?", "anything else?", "tem outra?").
    pub asks_other: bool,
    /// "¿La Arrayán tiene vista al lago?": a cabin named and what is asked of it, in words no
    /// feature knows (to be found in its description or amenities).
    pub asked_of: Option<(String, String)>,
    /// The words a question asks of a cabin it does not name ("¿tiene vista al lago?", "¿y
    /// deck?"): asked of the cabin the conversation is about.
    pub asked_words: Option<String>,
    /// Words no feature knows asked in one clause of a message that asks other things too
    /// ("¿la Coihue tiene deck? ¿y parrilla?", "does it have a deck and wifi?"): answered from
    /// what the owner wrote, beside the rest.
    pub also_described: Option<String>,
    /// A choice made on the answer to the question asked with it ("¿la Lenga tiene parrilla?
    /// si tiene, reservala", "if so we'll take it", "sino la Coihue").
    pub if_so: Option<IfSo>,
    /// The guest says no ("no", "no gracias", "mejor no"): declines what is on the table.
    pub declines: bool,
    /// Only a no with words of second thoughts ("mejor no", "no no, pará"): right after a hold,
    /// the guest takes it back.
    pub takes_back: bool,
    /// "¿Y a cuál sí?", "¿cuáles sí?", "e qual sim?": which ones do, the thing left unsaid
    /// (after a yes/no answer, what was just asked about).
    pub which_yes: bool,
    /// The guest asks for their reservation's code ("¿cuál es el código de mi reserva?",
    /// "what's my booking number?").
    pub asks_code: bool,
    /// The guest asks for the voucher or the reservation's details again ("¿me pasás el
    /// comprobante?", "can you send me the voucher?").
    pub asks_voucher: bool,
    /// The guest asks what is left to pay after the deposit, or how and when it is paid ("¿y el
    /// resto cómo lo pago?", "how do I pay the balance?", "quanto falta pagar?").
    pub asks_balance: bool,
    /// The guest asks which dates are meant, none said ("which dates would that be?", "quais
    /// datas seriam?", "¿qué fechas serían?").
    pub asks_dates: bool,
    /// The guest asks when a cabin is free, or the nearest free dates ("¿cuándo está libre la
    /// Arrayán?", "what's the closest you have?", "quando fica livre?"), no dates said.
    pub asks_when_free: bool,
    /// Something asked or said about the guest's hold: until when it is kept, that they paid,
    /// that the payment link failed, whether it stands.
    pub about_hold: Option<AboutHold>,
    /// The guest puts the decision off ("lo pienso y te aviso", "let me think about it"): what
    /// is on the table stays there, nothing is booked.
    pub defers: bool,
    /// A yes said as no question ("sí dale, pero con cuna para el bebé"): what else it says
    /// about the place is a request that goes with the yes, not a question before it.
    pub plain_yes: bool,
    /// A cabin asked for on its dates with a please and no verb of booking ("la Lenga del 1
    /// al 3 para 6 porfa"): held at once, and the yes the guest may still send is answered
    /// with the code again.
    pub pleaded: bool,
    /// A booking verb with a pronoun ("reservala", "reservámela", "book it"): it points back at
    /// the cabin last talked about, as "esa" does.
    pub refers_back: bool,
    /// "¿Algo libre la semana que viene?", "next week": next week, no days said.
    pub next_week: bool,
    /// The guest corrects something said before ("perdón, me equivoqué", "al final somos 4").
    pub correction: bool,
    /// The guest keeps what they hold as it was ("dejala como estaba", "keep the original
    /// dates", "deixa como estava"): a change proposed since is dropped.
    pub keeps_as_is: bool,
    /// The guest takes back the cancellation just asked for ("no no, mejor no, dejala como
    /// está", "mejor no cancelés, vamos igual", "wait, don't cancel, keep it", "não, melhor
    /// não cancelar, vamos sim"): right after it, the stay is kept (or held again).
    pub withdraws_cancel: bool,
    /// Something taken as it is though it lacks what was asked ("bueno, igual está bien",
    /// "ok anyway", "mesmo assim"): after "no, that one hasn't; this one has", the one doubted.
    pub anyway: bool,
    /// Second thoughts that come back to a yes ("pensándolo bien, dale", "actually ok, let's
    /// do it", "mudei de ideia, pode reservar"): after the offer was turned down, it is taken.
    pub thinks_again: bool,
    /// The guest settles on something, said as no question: "la Coihue entonces", "the Coihue
    /// then", "então a Coihue" (a pick said so is a decision, not a look).
    pub settles: bool,
    /// Something more, besides what was said before ("y también del 22 al 24", "another
    /// booking for May too", "também de 3 a 5"): with a hold, another stay, not a change of it.
    pub also: bool,
    /// "Las mismas fechas", "the same dates": the stay talked about (or held).
    pub same_dates: bool,
    /// "Mejor la primera fecha", "las fechas de antes", "the original dates": the stay talked
    /// about before the last change of dates.
    pub earlier_dates: bool,
    /// "Dale, esas fechas", "those dates then", "me sirve": the dates the last reply proposed
    /// (the held cabin's nearest free stay, when the dates asked were taken).
    pub those_dates: bool,
    /// The name the guest gave ("a nombre de Juan Pérez", "my name is John"), as written.
    pub name_given: Option<String>,
    /// An invoice or a receipt asked for ("¿me hacés factura A?", "could you send me a
    /// receipt?", "preciso de um recibo do pagamento"): a person makes it out, and the guest is
    /// told what for.
    pub asks_papers: bool,
    /// A pick among the options on the table ("la segunda", "la más barata").
    pub choice: Option<Choice>,
    /// The option in focus is turned down, not the whole offer ("esa no", "not that one").
    pub not_this_one: bool,
    /// Cabins turned down by name ("la coihue no, la otra", "no quiero la lenga"): never in
    /// `accommodation` or `accommodations`.
    pub turned_down: Vec<String>,
    /// A pet comes along ("vamos con un perro"), or the guest asks about bringing one.
    pub pets: bool,
    /// What a yes/no question asks about ("¿tienen pileta?"): the first of `features`.
    pub feature: Option<Feature>,
    /// Everything yes/no questions ask about ("¿tienen wifi? ¿y cochera?").
    pub features: Vec<Feature>,
    /// A spa asked about ("¿tienen spa?"): the jacuzzi and the sauna it may mean, of which only
    /// what there is gets answered.
    #[serde(skip)]
    pub spa: bool,
    /// The Spanish word a feature was called by where there are several ("cochera",
    /// "estacionamiento"), so the answer says it back.
    #[serde(skip)]
    pub feature_words: Vec<(Feature, &'static str)>,
    /// The hour (or "late", "early") a check-in or check-out question asks about: answered
    /// yes or no against the property's times. Only with one of those features.
    pub asked_time: Option<AskedTime>,
    /// Every info topic named, whatever the intent (a stay question that also asks about pets).
    pub topics: Vec<InfoTopic>,
    /// With [`InfoTopic::View`]: the view asked about ("¿cuál tiene vista al lago?").
    pub scenery: Option<Scenery>,
    /// Nights said without a check-in ("son 3 noches"): a correction of the stay's length.
    pub nights: Option<u32>,
    /// A check-out said alone ("al final nos quedamos hasta el 19"): the next such date from
    /// today; the conversation moves it after its check-in.
    pub until: Option<NaiveDate>,
    /// `until` was said as a weekday ("hasta el domingo"): the conversation takes the first
    /// such day after its check-in.
    pub until_weekday: Option<chrono::Weekday>,
    /// The whole stay moved by days ("corrámosla un día", "one day later", "un día antes":
    /// negative), the nights kept; or, with `shift_end`, only one end of it.
    pub shift_days: Option<i32>,
    /// The end of the stay a move by days is said of: the arrival ("llegamos un día antes",
    /// "we'll arrive a day later", "vamos chegar um dia depois") or the departure ("salimos un
    /// día antes", "nos vamos un día después", "we'll leave a day earlier"); the other end
    /// stays. `None`: the whole stay moves ("corrámosla un día", "push it one day later").
    pub shift_end: Option<StayEnd>,
    /// "El finde siguiente", "la semana que sigue", "the following week": the week after the
    /// stay talked about, when there is one (the conversation moves it by seven days).
    pub following_week: bool,
    /// "¿Y entre semana?", "what about weekdays?": the stay talked about moved off its weekend
    /// nights, to the weekdays after it (the conversation moves it).
    pub midweek: bool,
    /// "El finde que viene", "next weekend", "o próximo": a relative week or weekend said as the
    /// next one; when it reads as the very stay talked about ("¿tenés este finde?" … "¿y el
    /// finde que viene?" on a Friday), the one after it is meant.
    pub says_next: bool,
    /// A holiday period the dates were taken from ("el finde largo", "Semana Santa"): the
    /// reply says which dates were assumed.
    pub period: Option<PeriodMention>,
    /// The check-in was said as a day without a month ("perdón, es del 16 al 18"): read as
    /// the next such day from today, which the conversation re-reads in the month of the stay
    /// it is talking about.
    pub day_only: bool,
    /// The check-in was said as a weekday and a day without a month ("del viernes 19 al
    /// domingo 21"): read as the next such Friday the 19th, which the conversation re-reads in
    /// the month it is talking about when that day is the same weekday there.
    pub weekday_day_only: bool,
    /// The check-in was said as a weekday alone, with no check-out ("¿podemos llegar el
    /// miércoles?"): read as the next one from today, which the conversation re-reads by the
    /// stay it is talking about when that is further away.
    pub weekday_only: bool,
    /// Only the arrival changes ("we can only arrive on the 4th", "recién llegamos el 4"): a
    /// check-in said with an arrival word and no check-out or nights, so the stay talked about
    /// keeps its check-out when that is still after it.
    pub arrival_only: bool,
    /// "¿finde?": the coming weekend said alone, which the conversation reads in the month
    /// the guest named before ("queremos ir en mayo" … "¿finde?").
    pub bare_weekend: bool,
    /// A weekend wanted with no day said ("un finde en marzo", "a weekend in May").
    pub weekend_wanted: bool,
    /// A price question about one night ("¿cuánto sale la noche?", "how much per night?",
    /// "qual o valor da diária?"), not the stay's total.
    pub per_night: bool,
    /// "?", "hola??", "hello?", "oi??": a nudge after waiting, no words but a greeting and a
    /// question mark; what was on the table is said again.
    pub nudge: bool,
    /// The price a night asked beside another question ("¿tienen para 2 del 3 al 5? ¿cuánto
    /// sale x noche?"): the offer says it too.
    pub night_price_too: bool,
    /// A month named without a day ("queremos ir en marzo"): the month later bare days fall in.
    pub month: Option<u32>,
    /// The year said with that month ("January 2028", "marzo del 2027"): the year its later
    /// bare days fall in.
    pub month_year: Option<i32>,
    /// The whole message is one number ("2", "cuatro", "3 nomás"): the answer to whatever the
    /// conversation just asked (how many people, how many nights).
    pub bare_number: Option<u16>,
    /// Nights added to the stay talked about ("una noche más", "one more night", "mais uma
    /// noite"), or taken from it (negative: "una noche menos"). `nights` is then `None`.
    pub extra_nights: Option<i32>,
    /// People added (or taken) to the party said before ("se suma una persona más", "one
    /// more person", "somos uno menos"), never a party of that many.
    pub extra_guests: Option<i32>,
    /// A long weekend asked for in a month that has none in the coming year ("el finde largo
    /// de noviembre" when the 20th falls on a weekend): that month. No dates are set.
    pub no_long_weekend_in: Option<u32>,
    /// A year said alone, with no date ("actually, the 2028 one", "mejor el del 2028"): the
    /// stay talked about, in that year.
    pub year: Option<i32>,
    /// The ways of paying a question about paying names ("¿aceptan tarjeta?", "¿el saldo se
    /// puede en efectivo?", "do you take cash?"), in the order said, each once.
    pub pay_methods: Vec<PayMethod>,
    /// Those ways are asked about for the deposit ("¿la seña se puede transferir?"), not the
    /// balance.
    pub pays_deposit: bool,
    /// Cabins apart asked for: "una para 4 y otra para 2", "dos cabañas para 6", "two cabins".
    pub apart: bool,
    /// Both of the cabins named are wanted at once ("la Coihue y la Arrayán juntas", "dale las
    /// dos", "both of them", "as duas"), not one or the other.
    pub both_named: bool,
    /// The message asks something (a question mark).
    pub question: bool,
    /// The cabin named is said in a sentence of its own, no question ("la coihue. ¿a qué
    /// hora es el check-in?"): chosen, with a question besides.
    pub named_apart: bool,
    /// An option pointed at in a clause of its own before the question ("la segunda, ¿tiene
    /// parrilla?", "the one with the jacuzzi, does it have parking?"): the question is about
    /// it, and a yes after the answer accepts it.
    #[serde(skip)]
    pub pointed_first: bool,
    /// The two of `guests` are only the speaker and one companion named in passing ("vamos
    /// con mi vieja, que es friolenta"): a party of at least two, not a count said.
    #[serde(skip)]
    pub by_companion: bool,
    /// "¿Cuál es la que tiene jacuzzi?", "which one has a fireplace?": asks which cabin has
    /// something; when one alone has it, the answer puts it in focus.
    #[serde(skip)]
    pub asks_which: bool,
    /// "¿Cuál es la cabaña más grande que tienen?", "qual é a mais barata?": asks which one,
    /// whatever it asks of it.
    #[serde(skip)]
    pub which_one: bool,
}

/// One end of a stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StayEnd {
    Arrival,
    Departure,
}

/// A way of paying a guest may ask about, answered yes or no from how the property takes the
/// deposit (always Mercado Pago: card or its balance) and the balance (its own setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PayMethod {
    Card,
    Transfer,
    Cash,
    MercadoPago,
}

/// A pick among the options offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// 1-based: "la primera" is `Position(1)`.
    Position(usize),
    Last,
    Cheapest,
    Priciest,
    Largest,
    Smallest,
    PetFriendly,
    /// "La que tiene pileta", "la de la parrilla".
    Having(Feature),
    /// "La del medio".
    Middle,
    /// "La otra": the option not in focus (of two).
    Other,
    /// "Esa", "that one", "essa": the option just talked about.
    ThatOne,
    /// "La de 6", "la para 4 personas": the one for that many people.
    Sleeps(u16),
    /// "La de 70 lucas", "la de $210.000": the one at that price (a night's or the stay's), in
    /// pesos.
    Priced(u32),
}

/// What a yes/no question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    Pool,
    Wifi,
    Parking,
    Grill,
    Heating,
    AirConditioning,
    Jacuzzi,
    Breakfast,
    Kitchen,
    Tv,
    Linens,
    Laundry,
    /// A cot for a baby.
    Crib,
    /// A fireplace, a wood stove, firewood.
    Fireplace,
    /// A sauna or a spa.
    Sauna,
    Gym,
    Smoking,
    Kids,
    Pets,
    CheckIn,
    CheckOut,
}

impl Feature {
    /// A thing a cabin has or lacks (a pool, a jacuzzi, room for pets), not the property's
    /// own rules: its check-in and check-out times, children and smoking.
    pub fn of_the_cabin(self) -> bool {
        !matches!(
            self,
            Feature::CheckIn | Feature::CheckOut | Feature::Kids | Feature::Smoking
        )
    }
}

/// A choice on a condition: the cabin asked about, booked when the answer is yes; the other
/// one named for a no.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IfSo {
    /// The cabin the question is about, named before the condition (else the one in focus).
    pub subject: Option<String>,
    /// The cabin wanted when the answer is no ("sino la Coihue", "otherwise the Ñire").
    pub otherwise: Option<String>,
    /// Booked on a yes ("reservala", "la quiero", "we'll take it"); else only brought into
    /// focus ("vamos con esa", "me quedo con esa": a yes books it).
    pub books: bool,
}

/// What a guest asks or says about the hold they have ([`Understanding::about_hold`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AboutHold {
    /// "¿Hasta cuándo tengo para pagar?"
    Deadline,
    /// "Ya pagué."
    Paid,
    /// "No me llegó el link", "el link no anda".
    LinkMissing,
    /// "¿Sigue en pie la reserva?", "¿está confirmada?"
    Status,
}

/// When a guest asks to arrive or leave: at an hour, or late or early without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AskedTime {
    /// 0–23.
    At(u32),
    Late,
    Early,
}

/// Holiday periods guests name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    LongWeekend,
    Carnival,
    HolyWeek,
    YearEnd,
    Christmas,
    WinterHolidays,
    /// "Las fiestas": Christmas or New Year's (or both), which the guest has not said.
    Festive,
}

/// A period and the days off it was read as. With [`Period::WinterHolidays`] no stay dates
/// are set (they differ by province and are two weeks long): the bot asks which days; with
/// [`Period::Festive`] neither (Christmas, New Year's or both): the bot asks which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PeriodMention {
    pub period: Period,
    pub first_day_off: NaiveDate,
    pub last_day_off: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    Greeting,
    CheckAvailability,
    AskPrice,
    Book,
    AskInfo,
    Cancel,
    Human,
    Unknown,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Greeting => "greeting",
            Intent::CheckAvailability => "check_availability",
            Intent::AskPrice => "ask_price",
            Intent::Book => "book",
            Intent::AskInfo => "ask_info",
            Intent::Cancel => "cancel",
            Intent::Human => "human",
            Intent::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InfoTopic {
    Photos,
    Amenities,
    Location,
    Pets,
    CheckInTime,
    /// How many people fit.
    Capacity,
    /// Whether children are welcome.
    Kids,
    Smoking,
    /// The cancellation policy: "¿se puede cancelar?", "si cancelo, ¿me devuelven la seña?",
    /// "what's your cancellation policy?", "posso cancelar?". A question: it never cancels.
    Cancellation,
    /// How a stay is paid: "¿cómo se paga?", "¿aceptan tarjeta?", "¿hay que dejar seña?",
    /// "can I pay by card?", "aceitam pix?".
    Payment,
    /// The shortest stay taken: "¿hay mínimo de noches?", "¿se puede una sola noche?".
    MinimumStay,
    /// Whether a price is per cabin or per person: "¿el precio es por persona?".
    PriceBasis,
    /// How a cabin's rooms and beds are laid out: "¿cuántas habitaciones tiene?", "¿qué camas
    /// tiene la Lenga?", "how many bedrooms?".
    Rooms,
    /// What a cabin looks out on: "¿qué vista tiene la Ñire?", "¿cuál tiene vista al lago?",
    /// "which one has the best view?" (what is named is [`Understanding::scenery`]).
    View,
    /// What currency prices and payments are in: "¿en qué moneda?", "what currency are your
    /// prices in?", "aceitam reais ou só pesos?", "¿se puede en dólares?".
    Currency,
    /// The keys and who lets the guest in: "¿cómo hacemos con las llaves?", "will someone be
    /// there to let us in?", "como pegamos as chaves?". A person coordinates the arrival.
    Keys,
}

/// What a view is of, as guests name it in any language ("vista al lago", "lake view", "vista
/// para as montanhas").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenery {
    Lake,
    Mountains,
    Forest,
    River,
    Sea,
}

impl Scenery {
    /// The words, folded, that name it in a guest's message or an owner's description.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Scenery::Lake => &["lago", "lagos", "laguna", "lake", "lakes", "lagoa"],
            Scenery::Mountains => &[
                "montana",
                "montanas",
                "mountain",
                "mountains",
                "montanha",
                "montanhas",
                "cerro",
                "cerros",
                "cordillera",
                "andes",
                "serra",
            ],
            Scenery::Forest => &[
                "bosque", "bosques", "forest", "woods", "floresta", "mata", "arboles",
            ],
            Scenery::River => &["rio", "river", "arroyo"],
            Scenery::Sea => &["mar", "sea", "ocean", "oceano"],
        }
    }

    pub const ALL: [Scenery; 5] = [
        Scenery::Lake,
        Scenery::Mountains,
        Scenery::Forest,
        Scenery::River,
        Scenery::Sea,
    ];
}
