/**
 * The words the extraction rules look for, kept as data so that a new document's phrasing is a
 * line added here rather than a new rule. All patterns are matched case-insensitively on the
 * normalised text.
 */

export const monthNames: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ["januari", "jan"]],
  [2, ["februari", "feb"]],
  [3, ["mars", "mar"]],
  [4, ["april", "apr"]],
  [5, ["maj"]],
  [6, ["juni", "jun"]],
  [7, ["juli", "jul"]],
  [8, ["augusti", "aug"]],
  [9, ["september", "sept", "sep"]],
  [10, ["oktober", "okt"]],
  [11, ["november", "nov"]],
  [12, ["december", "dec"]],
];

export const monthByName: ReadonlyMap<string, number> = new Map(
  monthNames.flatMap(([n, names]) => names.map((name) => [name, n] as const)),
);

/** Every dash a document may put in a range: hyphen, en dash, em dash, minus, figure dash. */
export const dashClass = "[-\u2012\u2013\u2014\u2015\u2212]";

/** Official titles of signatories, longest first so "tf lokalpolisområdeschef" wins over "chef". */
export const officialTitles: readonly string[] = [
  "kommunstyrelsens ordförande",
  "kommunstyrelsens vice ordförande",
  "kommunstyrelsens förste vice ordförande",
  "kommunstyrelsens andre vice ordförande",
  "kommunfullmäktiges ordförande",
  "ordförande i kommunstyrelsen",
  "ordförande kommunstyrelsen",
  "kommunalråd",
  "kommunråd",
  "oppositionsråd",
  "kommundirektör",
  "kommunchef",
  "stadsdirektör",
  "biträdande kommundirektör",
  "förvaltningschef",
  "säkerhetschef",
  "trygghetssamordnare",
  "brottsförebyggande samordnare",
  "samordnare",
  "lokalpolisområdeschef",
  "lokalpolisområdeschefen",
  "chef för lokalpolisområde",
  "chef lokalpolisområde",
  "polisområdeschef",
  "regionpolischef",
  "kommunpolis",
  "områdespolis",
  "räddningschef",
  "regiondirektör",
  "vd",
  "verkställande direktör",
  "ordförande",
];

/** Prefixes an official title may carry: acting, deputy. */
export const titlePrefix = "(?:(?:tf|t\\.f\\.|tf\\.|tillförordnad|bitr\\.?|biträdande|ställföreträdande|vice)\\s+)?";

/**
 * Common Swedish given names. A name does not need to be here (a capitalised pair before a title is
 * enough); being here raises confidence and lets a name stand without a title next to it.
 */
export const givenNames: ReadonlySet<string> = new Set(
  (
    "Agneta Agnes Albin Alexander Alexandra Alf Alice Alma Amanda Anders Andreas Ann Anna Anne Anneli Annelie Annika Anette Anita Anton " +
    "Arne Arvid Asta Axel Barbro Bengt Berit Birgitta Björn Bo Britt Camilla Carin Carina Carl Caroline Cecilia Charlotta Charlotte " +
    "Christer Christian Christina Christoffer Claes Dan Daniel David Ebba Elias Elin Elisabet Elisabeth Ella Ellen Emil Emma Erik " +
    "Erika Eva Felicia Filip Fredrik Frida Gabriel Gunilla Gunnar Gustav Göran Hanna Hannah Hans Helen Helena Helene Henrik Hugo " +
    "Ida Inga Inger Ingrid Isabella Jakob Jan Jenny Jens Jesper Jessica Joakim Johan Johanna Johannes John Jonas Jonatan Josefin " +
    "Josefine Julia Jörgen Kaj Karin Karl Kenneth Kerstin Kim Klara Kristina Kristoffer Lars Lena Lennart Leo Liam Lina Linda Linn " +
    "Linnea Lisa Lotta Louise Lovisa Ludvig Magnus Maja Malin Malte Marcus Margareta Maria Marie Marianne Martin Mats Mattias " +
    "Maud Max Michael Mikael Moa Monica Monika Nils Niklas Nina Ola Olle Olof Olov Oscar Oskar Patrik Per Peter Petra Pia Pontus " +
    "Rasmus Rebecca Richard Robert Robin Roger Ronny Rune Sandra Sara Sarah Sebastian Simon Sofia Sofie Stefan Sten Stig Susanne " +
    "Sven Svante Thomas Tobias Tomas Tommy Tove Ulf Ulla Ulrika Urban Valter Vera Viktor Viktoria Wilhelm William Yvonne Ylva Åsa " +
    "Åke Emelie Therese Teresia Jenny Jimmy Roland Leif Kjell Bertil Birger Gun Ingela Ingemar Katarina Kristian Lisbeth Madeleine " +
    "Marita Mona Peder Petter Rickard Sanna Siv Solveig Sonja Tina Torbjörn Torsten Veronica Åsa Örjan"
  ).split(/\s+/),
);

/** Words that look like names when capitalised but never are (headings, organisations, places). */
export const notNameWords: ReadonlySet<string> = new Set(
  (
    "kommun kommunen stad staden region polisen polismyndigheten lokalpolisområde lokalpolisområdet lpo kommunstyrelsen " +
    "överenskommelse samverkansöverenskommelse bilaga handlingsplan medborgarlöfte syfte metod organisation åtagande tid " +
    "brå est ung västra östra norra södra mellersta ort datum namn underskrift för och den det att med till från"
  ).split(/\s+/),
);

/** Column headings of action-plan tables, by the field they fill. */
export const actionColumnSynonyms: ReadonlyArray<readonly [ActionColumn, RegExp]> = [
  ["focusArea", /^(fokusområde|prioriterat område|prioriterade områden|område|problemområde|problem|problembild)$/i],
  ["cause", /^(orsak|orsaker|orsak\/problem|bakomliggande orsak(er)?|problem\/orsak)$/i],
  ["action", /^(åtgärd|åtgärder|aktivitet|aktiviteter|insats|insatser|vad ska göras)$/i],
  ["responsible", /^(ansvarig|ansvariga|ansvar|vem|ansvarig\/medverkande|ansvarig aktör|utförare|medverkande)$/i],
  [
    "followUp",
    /^(uppföljning|uppföljning\/mätning|hur följs det upp|mätning|indikator|återrapportering|resultat|utfall)$/i,
  ],
  ["when", /^(när|tidplan|tidpunkt|klart|tid|start|deadline|period)$/i],
  ["status", /^(status|genomfört|genomförd)$/i],
];
export type ActionColumn = "focusArea" | "cause" | "action" | "responsible" | "followUp" | "when" | "status";

/** Intro phrases and headings after which a list of focus areas follows. */
export const focusAreaCues: readonly RegExp[] = [
  /\bprioriterade\s+(samverkans)?områden\b/i,
  /\bprioriterat\s+område\b/i,
  /\bfokusområden\b/i,
  /\bfokusområde\b/i,
  /\bföljande\s+områden\s+(är|har)\s+(prioriterade|prioriterats)\b/i,
  /\bområden\s+(är\s+)?prioriterade\b/i,
  /\bprioriterade\s+(problem(områden)?|inriktningar|frågor)\b/i,
  /\bprioriteringar\b/i,
  /\bsamverkansområden\b/i,
  /\bfokuserar\s+(på|särskilt på)\s*:/i,
];

/** Headings under which commitments are listed. */
export const commitmentHeading =
  /^(åtagande|åtaganden|gemensamma åtaganden|parternas åtaganden|överenskommelse|vi är överens om)\b/i;

/** Steering, project and working groups and roles named in agreements. */
export const bodyPatterns: ReadonlyArray<readonly [BodyKind, RegExp]> = [
  ["steeringGroup", /\bstyrgrupp(en|er|erna)?\b(\s*\([^)\n]{1,60}\))?/gi],
  [
    "council",
    /\b(lokala\s+)?(brottsförebyggande\s+råd(et)?|BRÅ(-gruppen|-beredning|\s+beredning)?|operativt\s+BRÅ|trygghetsråd(et)?)\b/g,
  ],
  ["projectGroup", /\bprojektgrupp(en|er|erna)?\b(\s*\([^)\n]{1,60}\))?/gi],
  [
    "workingGroup",
    /\b(arbetsgrupp(en|er|erna)?(\s+EST)?|UNG-\s?gruppen|EST-grupp(en)?|grannsamverkan(sgrupp(en|er)?)?)\b/gi,
  ],
  ["coordinator", /\b(samordnare|samordnande funktion|trygghetssamordnare|brottsförebyggande samordnare)\b/gi],
  ["communityPoliceOfficer", /\bkommunpolis(en)?\b/gi],
  ["contactPerson", /\bkontaktpersoner?\b/gi],
];
export type BodyKind =
  | "steeringGroup"
  | "projectGroup"
  | "workingGroup"
  | "council"
  | "coordinator"
  | "communityPoliceOfficer"
  | "contactPerson";

/** Sources of a lägesbild, with the name each is reported under. */
export const situationReportSources: ReadonlyArray<readonly [string, RegExp]> = [
  [
    "polisens statistik",
    /\b(polisens\s+statistik|brottsstatistik|lokal\s+statistik|statistiskt\s+underlag|anmälda\s+brott)\b/i,
  ],
  ["trygghetsmätning", /\btrygghetsmätning(ar|en|arna)?\b/i],
  ["NTU", /\bNTU\b|\bnationella\s+trygghetsundersökningen\b/],
  ["medborgardialog", /\bmedborgardialog(er|en|erna)?\b/i],
  ["medarbetardialog", /\bmedarbetardialog(er|en|erna)?\b/i],
  ["enkät", /\benkät(er|en)?\b|\btrygghetsenkät(en)?\b/i],
  ["trygghetsvandring", /\btrygghetsvandring(ar|en|arna)?\b/i],
  ["EST", /\bEST\b|\beffektiv\s+samordning\s+för\s+trygghet\b/i],
  ["BRÅ", /\b(operativt\s+)?BRÅ\b|\bBrå\b/],
  ["skolans underlag", /\b(elevhälsa|skolenkät|Stockholmsenkäten|CAN-undersökning)\b/i],
];

/** Documents an agreement requires the parties to produce. */
export const requiredDocumentPatterns: ReadonlyArray<readonly [string, RegExp]> = [
  ["lägesbild", /\blägesbild\b/i],
  ["orsaksanalys", /\borsaksanalys\b/i],
  ["åtgärdsplan", /\b(åtgärdsplan|handlingsplan)(er)?\b/i],
  ["kommunikationsplan", /\bkommunikationsplan(er)?\b/i],
  ["medborgarlöfte", /\bmedborgarlöfte(n|t)?\b/i],
];

/** Who makes a citizen promise, read from the opening words of a promise heading or sentence. */
export const promiseOwnerPatterns: ReadonlyArray<readonly ["polisen" | "kommunen" | "gemensamt", RegExp]> = [
  [
    "gemensamt",
    /^(tillsammans\s+(lovar|ska|kommer)|vi\s+(lovar|ska|kommer)|gemensamt\s+(lovar|ska)|polisen\s+och\s+kommunen|kommunen\s+och\s+polisen|både\s+polisen\s+och\s+kommunen|gemensamma\s+(löften|åtaganden))/i,
  ],
  [
    "polisen",
    /^(polisen|lokalpolisområde(t)?\b[^\n]{0,40}?|lpo\b[^\n]{0,30}?)\s+(lovar|ska|kommer\s+att|ansvarar\s+för\s+att|åtar\s+sig)|^polisens\s+(löften|åtaganden)/i,
  ],
  [
    "kommunen",
    /^(kommunen|[\p{Lu}][\p{L}-]+s?\s+(kommun|stad)|staden)\s+(lovar|ska|kommer\s+att|ansvarar\s+för\s+att|åtar\s+sig)|^kommunens\s+(löften|åtaganden)/iu,
  ],
];

/** Words that say a document (or its title) is of a kind, with a weight. */
export const kindSignals: ReadonlyArray<readonly [KindName, RegExp, number]> = [
  ["agreement", /\bsamverkansöverenskommelse(n|ns)?\b/gi, 3],
  ["agreement", /\bsamverkansavtal(et)?\b/gi, 3],
  ["agreement", /\böverenskommelse(n|ns)?\b/gi, 1],
  ["agreement", /\bavtalande\s+parter\b/gi, 2],
  ["citizen_promise", /\bmedborgarlöfte(n|t|na)?\b/gi, 1],
  ["citizen_promise", /\b(polisen|kommunen)\s+lovar\b|\btillsammans\s+lovar\b|\bvi\s+lovar\b/gi, 3],
  ["action_plan", /\b(handlingsplan|åtgärdsplan)(en|er)?\b/gi, 1],
  ["action_plan", /^orsak\tåtgärd/gim, 2],
  [
    "follow_up",
    /\b(uppföljning|återrapportering|utvärdering)\s+(av|för)\s+(medborgarlöfte|handlingsplan|åtgärdsplan|samverkansöverenskommelse)/gi,
    4,
  ],
  ["follow_up", /\b(genomfört|delvis genomfört|ej genomfört|måluppfyllelse)\b/gi, 1],
];
export type KindName = "agreement" | "citizen_promise" | "action_plan" | "follow_up";
