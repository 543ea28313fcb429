import type {
  ActionStatus,
  CauseAxis,
  FollowUpKind,
  PromiseVerdict,
  Promiser,
} from "../../domain/cycles/vocabulary.ts";

/**
 * The yearly cycles of the demo. Skara's 2020 cycle retells the "Handlingsplan 2020" of seed 002 (its
 * focus areas, the Orsak | Åtgärd | Ansvarig | Uppföljning rows and the sources its lägesbild names);
 * Västerås keeps the half-year promise periods and the yearly rhythm of seed 003; Kungsör's current
 * cycle builds on the working groups of seed 001. Statuses, follow-ups, evaluations and indicator
 * values are illustrative: indicator sources say "Demodata", so nobody takes them for statistics.
 */
export interface DemoCycle {
  /** The kommun whose agreement the cycle belongs to (demoAgreements[].kommun.name). */
  kommun: string;
  settings?: { promisePeriod: "year" | "half_year"; cycleStartMonth?: number; staleAfterDays?: number };
  year: number;
  status: "draft" | "active" | "closed";
  /** Focus areas for the cycle when the agreement has none of its own. */
  focusAreas?: { title: string; description?: string }[];
  situation: {
    crimeMapping: string;
    otherInformation: string;
    analysis: string;
    sourcesUsed: { key: string; note: string }[];
    adopted?: { body: string; on: string };
  };
  indicators: {
    name: string;
    source: string;
    unit: string;
    direction: "decrease" | "increase";
    values: { year: number; value: number | string | null; note?: string }[];
  }[];
  problems: {
    title: string;
    description: string;
    places?: { name: string; lat?: number; lng?: number; area?: string }[];
    times?: string;
    /** Index into the cycle's focus areas; prioritised when set. */
    focusArea?: number;
    rationale?: string;
    causes: { axis: CauseAxis; text: string }[];
    eventChains?: string;
  }[];
  prioritisationRationale: string;
  actions: {
    title: string;
    description?: string;
    focusArea: number;
    /** [problem index, cause index] */
    cause?: [number, number];
    responsible: string[];
    kind?: "situational" | "social";
    horizon?: "short" | "long";
    contactPerson?: string;
    participants?: string;
    startsOn?: string;
    deadline?: string;
    quantityTarget?: string;
    followUpMethod?: string;
    followUpFrequency?: string;
    goal?: string;
    indicator?: { index: number; baselineYear: number; baselineValue: number; targetValue: number; targetYear: number };
    followUps?: {
      on: string;
      kind: FollowUpKind;
      status?: ActionStatus;
      note: string;
      quantity?: number;
      hours?: number;
    }[];
    outcomeNote?: string;
    /** Days since anyone touched the action (the demo's "Att göra" shows it as waiting for an update). */
    idleDays?: number;
  }[];
  planAdopted?: { body: string; on: string };
  promises: {
    promiser: Promiser;
    text: string;
    periodStart: string;
    periodEnd: string;
    actions: number[];
    publish: boolean;
    close?: { verdict: PromiseVerdict; verdictText: string; effectText: string };
  }[];
  communication: {
    message: string;
    audience: string;
    channel: string;
    owner: string;
    plannedOn: string;
    promise?: number;
    milestone?: string;
    done: boolean;
  }[];
  reports: { recipient: string; reportedOn: string; note: string }[];
}

export const demoCycles: DemoCycle[] = [
  {
    kommun: "Skara kommun",
    settings: { promisePeriod: "year" },
    year: 2020,
    status: "closed",
    situation: {
      crimeMapping:
        "Narkotikaanvändandet tenderar att öka, inte minst bland ungdomar. Polisens statistik och medarbetardialogen pekar på narkotikabrott bland unga och på otrygghet i centrum, särskilt runt busstationen.",
      otherInformation:
        "Trygghetsenkäten till kommuninvånarna (medborgardialogen föregående år) visade att invånarna vill att kommunen och polisen arbetar med tryggheten i centrum och med nedskräpning. Kommunen och polisens gemensamma arbete är relativt okänt hos medborgarna.",
      analysis:
        "Nära samverkan inom kommunen och mellan kommun och polis ger bättre förutsättningar för att det förebyggande och främjande arbetet ska få effekt. BRÅ-gruppen prioriterar narkotika bland unga och trygghetsfrämjande insatser i centrum.",
      sourcesUsed: [
        { key: "police_statistics", note: "Lokal statistik" },
        { key: "citizen_dialogue", note: "Enkät till kommuninvånare (trygghetsenkät)" },
        { key: "safety_walk", note: "Genomförda trygghetsvandringar" },
        { key: "staff_dialogue", note: "Medarbetardialog inom polisen" },
        { key: "est_reports", note: "Effektiv samordning för trygghet (EST)" },
        { key: "safety_survey", note: "Trygghetsenkäten i medborgardialogen" },
      ],
      adopted: { body: "BRÅ-gruppen", on: "2020-01-20" },
    },
    indicators: [
      {
        name: "Andel invånare som känner sig trygga i centrum kvällstid",
        source: "Demodata – inte verklig statistik",
        unit: "procent",
        direction: "increase",
        values: [
          { year: 2019, value: 58 },
          { year: 2020, value: 63 },
        ],
      },
      {
        name: "Anmälda narkotikabrott, unga 15–20 år",
        source: "Demodata – inte verklig statistik",
        unit: "antal",
        direction: "decrease",
        values: [
          { year: 2019, value: 41 },
          { year: 2020, value: "XX", note: "Undertryckt: för få fall" },
        ],
      },
    ],
    problems: [
      {
        title: "Förekomst av narkotika bland Skaras ungdomar",
        description: "Narkotikaanvändandet tenderar att öka, inte minst bland ungdomar.",
        places: [{ name: "Skolmiljöer i Skara", area: "Skara tätort" }],
        focusArea: 0,
        rationale: "Ökande användning bland unga; skolan och polisen når dem tillsammans.",
        causes: [
          { axis: "offender", text: "Förekomst av narkotika bland Skaras ungdomar" },
          { axis: "victim", text: "Vårdnadshavare och personal känner inte igen tecken på narkotikaanvändning" },
          { axis: "place", text: "Försäljning sker i och nära skolmiljöer" },
        ],
        eventChains:
          "Unga får tag på narkotika via kontakter nära skolan → användning på fritiden → polisen får kännedom sent.",
      },
      {
        title: "Otrygghet i centrum och runt busstationen",
        description: "Trygghetsfrågor som framkommit i medborgardialogen, särskilt området runt busstationen.",
        places: [{ name: "Busstationen", lat: 58.3866, lng: 13.4385, area: "Centrum" }],
        times: "Kvällar och helger",
        focusArea: 1,
        rationale: "Det område invånarna oftast nämner i medborgardialogen.",
        causes: [
          { axis: "place", text: "Trygghetsfrågor som framkommit i medborgardialogen" },
          { axis: "victim", text: "Få vuxna ute i centrum kvällstid" },
        ],
      },
      {
        title: "Det gemensamma arbetet är okänt",
        description: "Kommunen och polisens gemensamma arbete är fortfarande relativt okänt hos medborgarna i Skara.",
        focusArea: 3,
        rationale: "Medborgarlöftet måste bli känt för att ge trygghet.",
        causes: [
          {
            axis: "victim",
            text: "Kommunen och polisens gemensamma arbete är fortfarande relativt okänt hos medborgarna i Skara",
          },
        ],
      },
      {
        title: "Nedskräpning",
        description: "Aktivt arbeta för att det ska vara rent och snyggt i Skara kommun.",
        focusArea: 4,
        rationale: "Skräp och förfall ökar otryggheten.",
        causes: [{ axis: "place", text: "Aktivt arbeta för att det ska vara rent och snyggt i Skara kommun" }],
      },
    ],
    prioritisationRationale:
      "Utifrån den gemensamma problembilden prioriteras narkotika bland unga, trygghet i centrum, grannsamverkan, kommunikation och ett rent och snyggt Skara för 2020.",
    actions: [
      {
        title: "Temaaktiviteter för elever, personal och vårdnadshavare",
        description:
          "En informationskväll för vårdnadshavare. Aktualisera skolornas drogpolicy vid terminsstart för elever och personal. Uppmuntra skolor med annan huvudman i kommunen att delta i arbetet.",
        focusArea: 0,
        cause: [0, 0],
        responsible: ["Barn- och utbildningsförvaltningen", "Omsorgsförvaltningen", "Västra Skaraborg"],
        kind: "social",
        horizon: "long",
        participants: "Folkhälsostrateg, BRÅ-gruppen, rektorer",
        deadline: "2020-12-15",
        followUpMethod: "Redovisning av genomförda aktiviteter.",
        followUpFrequency: "Terminsvis",
        quantityTarget: "minst en informationskväll per termin",
        followUps: [
          {
            on: "2020-06-10",
            kind: "production",
            status: "ongoing",
            note: "Informationskväll genomförd i maj.",
            quantity: 1,
          },
          {
            on: "2020-12-01",
            kind: "production",
            status: "done",
            note: "Två informationskvällar; drogpolicyn gicks igenom vid terminsstart.",
            quantity: 2,
            hours: 24,
          },
        ],
      },
      {
        title: "Samverkan vid planering och genomförande av riktade insatser mot narkotika i skolmiljö",
        focusArea: 0,
        cause: [0, 2],
        responsible: ["Västra Skaraborg", "Barn- och utbildningsförvaltningen", "Omsorgsförvaltningen"],
        deadline: "2020-12-15",
        followUps: [
          {
            on: "2020-11-20",
            kind: "process",
            status: "partly_done",
            note: "Planering gemensam; två av tre insatser genomförda.",
          },
        ],
      },
      {
        title: "Polisen genomför riktade insatser mot narkotika",
        focusArea: 0,
        cause: [0, 0],
        responsible: ["Västra Skaraborg"],
        deadline: "2020-12-31",
        quantityTarget: "minst 10 riktade insatser",
        goal: "Färre anmälda narkotikabrott bland unga",
        indicator: { index: 1, baselineYear: 2019, baselineValue: 41, targetValue: 30, targetYear: 2020 },
        followUps: [
          { on: "2020-12-18", kind: "production", status: "done", note: "12 riktade insatser.", quantity: 12 },
        ],
      },
      {
        title: "Än mer lyfta fram trygghetsaspekten i kommunala planer och gestaltningsprojekt",
        focusArea: 1,
        cause: [1, 0],
        responsible: ["Plan- och byggenheten", "Service och teknik"],
        kind: "situational",
        horizon: "long",
        followUpMethod: "Redovisa och kommunicera planer och gestaltningsprojekt löpande.",
        deadline: "2020-12-31",
        followUps: [
          {
            on: "2020-12-10",
            kind: "process",
            status: "done",
            note: "Trygghetsaspekten finns i gestaltningsprogrammet för busstationen.",
          },
        ],
      },
      {
        title: "Fortsatt trygghetsskapande patrullering",
        focusArea: 1,
        cause: [1, 0],
        responsible: ["Västra Skaraborg"],
        deadline: "2020-12-31",
        goal: "Fler invånare känner sig trygga i centrum",
        indicator: { index: 0, baselineYear: 2019, baselineValue: 58, targetValue: 62, targetYear: 2020 },
        followUps: [
          {
            on: "2020-12-18",
            kind: "production",
            status: "done",
            note: "Patrullering fredag och lördag kväll hela året.",
          },
        ],
      },
      {
        title: "Fortsätta nattvandringar vid särskilda tillfällen",
        focusArea: 1,
        cause: [1, 1],
        responsible: ["Kultur- och fritidsenheten"],
        kind: "social",
        followUpMethod: "Redovisning av genomförda aktiviteter.",
        deadline: "2020-12-31",
        followUps: [
          {
            on: "2020-12-05",
            kind: "production",
            status: "partly_done",
            note: "Nattvandringar vid skolavslutning och valborg; färre tillfällen än planerat.",
            quantity: 4,
          },
        ],
      },
      {
        title: "Synliggöra BRÅ, BRÅ:s arbete och medborgarlöftet genom kommunikationsinsatser",
        focusArea: 3,
        cause: [2, 0],
        responsible: ["Kommunikationsenheten"],
        participants: "BRÅ-gruppen",
        deadline: "2020-12-31",
        followUps: [
          {
            on: "2020-12-15",
            kind: "production",
            status: "done",
            note: "Artiklar i lokaltidningen och på kommunens webbplats.",
          },
        ],
      },
      {
        title: "Skräpplockarkampanj",
        focusArea: 4,
        cause: [3, 0],
        responsible: ["Service och teknik"],
        deadline: "2020-05-31",
        followUps: [
          { on: "2020-05-30", kind: "production", status: "done", note: "Kampanj med skolor och föreningar i maj." },
        ],
      },
    ],
    planAdopted: { body: "BRÅ-gruppen", on: "2020-02-10" },
    promises: [
      {
        promiser: "police",
        text: "Polisen lovar att genomföra riktade insatser mot narkotika, särskilt där unga finns.",
        periodStart: "2020-01-01",
        periodEnd: "2020-12-31",
        actions: [2, 1],
        publish: true,
        close: {
          verdict: "partly",
          verdictText: "De riktade insatserna genomfördes; samverkan i skolmiljö blev delvis genomförd.",
          effectText:
            "Antalet anmälda narkotikabrott bland unga 2020 är undertryckt i statistiken (för få fall). Vi fortsätter arbetet.",
        },
      },
      {
        promiser: "kommun",
        text: "Kommunen lovar att fortsätta nattvandringarna och att göra centrum tryggare i planer och gestaltning.",
        periodStart: "2020-01-01",
        periodEnd: "2020-12-31",
        actions: [3, 5],
        publish: true,
        close: {
          verdict: "partly",
          verdictText: "Trygghetsaspekten finns nu i gestaltningsprogrammet. Nattvandringarna blev färre än planerat.",
          effectText:
            "Fler invånare säger att de känner sig trygga i centrum kvällstid: 63 procent jämfört med 58 procent året innan.",
        },
      },
      {
        promiser: "together",
        text: "Tillsammans lovar vi att berätta om vårt gemensamma arbete och att hålla Skara rent och snyggt.",
        periodStart: "2020-01-01",
        periodEnd: "2020-12-31",
        actions: [6, 7],
        publish: true,
        close: {
          verdict: "yes",
          verdictText:
            "Skräpplockarkampanjen genomfördes i maj och vi har berättat om arbetet i lokaltidningen och på webben.",
          effectText: "",
        },
      },
    ],
    communication: [
      {
        message: "Medborgarlöftet 2020 och vad BRÅ gör",
        audience: "Invånare i Skara",
        channel: "Lokaltidningen och kommunens webbplats",
        owner: "Kommunikationsenheten",
        plannedOn: "2020-03-01",
        promise: 2,
        done: true,
      },
      {
        message: "Så här gick det med medborgarlöftet 2020",
        audience: "Invånare i Skara",
        channel: "Kommunens webbplats",
        owner: "BRÅ-gruppen",
        plannedOn: "2021-02-15",
        milestone: "Uppföljning till medborgarna",
        done: true,
      },
    ],
    reports: [
      {
        recipient: "Kommunstyrelsen",
        reportedOn: "2021-02-22",
        note: "Årsuppföljning av handlingsplan och medborgarlöfte 2020.",
      },
      { recipient: "LPO Västra Skaraborgs ledning", reportedOn: "2021-02-25", note: "Samma redovisning." },
    ],
  },
  {
    kommun: "Västerås stad",
    settings: { promisePeriod: "half_year" },
    year: 2022,
    status: "closed",
    focusAreas: [
      { title: "Otrygga platser", description: "Platser som lyfts i medborgardialoger och EST." },
      { title: "Ordningsstörningar" },
    ],
    situation: {
      crimeMapping:
        "Den gemensamma lägesbilden bygger på statistiskt underlag om vilken kriminalitet och brottsutveckling som råder i kommunen, samt vilka ordningsstörningar och otrygga platser som finns.",
      otherInformation: "Medarbetardialoger i båda organisationerna och medborgardialoger.",
      analysis:
        "Problembilderna värderas och prioriteras för att rikta verksamheten mot de delar som har störst samhällelig påverkan. Lägesbilden justeras löpande genom veckovisa EST-möten.",
      sourcesUsed: [
        { key: "police_statistics", note: "Statistiskt underlag" },
        { key: "safety_survey", note: "Polisens trygghetsmätning" },
        { key: "staff_dialogue", note: "Medarbetardialoger i båda organisationerna" },
        { key: "citizen_dialogue", note: "Medborgardialoger" },
        { key: "est_reports", note: "Veckovisa EST-möten" },
      ],
    },
    indicators: [
      {
        name: "Upplevda problem med ordningsstörningar i centrum (index)",
        source: "Demodata – inte verklig statistik",
        unit: "index 0–6",
        direction: "decrease",
        values: [
          { year: 2021, value: 2.4 },
          { year: 2022, value: 2.1 },
        ],
      },
    ],
    problems: [
      {
        title: "Otrygghet på platser som lyfts i medborgardialoger och EST",
        description: "Ordningsstörningar och otrygga platser som rapporteras i EST.",
        places: [{ name: "Centrum", area: "Västerås centrum" }],
        times: "Kvällar",
        focusArea: 0,
        rationale: "Störst samhällelig påverkan enligt lägesbilden.",
        causes: [
          { axis: "place", text: "Dålig belysning och skymda gångstråk" },
          { axis: "offender", text: "Grupper samlas kvällstid utan vuxna i närheten" },
        ],
      },
    ],
    prioritisationRationale: "Otrygga platser och ordningsstörningar prioriteras enligt den gemensamma lägesbilden.",
    actions: [
      {
        title: "Trygghetsvandringar på de platser EST pekar ut",
        focusArea: 0,
        cause: [0, 0],
        responsible: ["Västerås stad", "Västerås"],
        deadline: "2022-09-30",
        quantityTarget: "minst 4 trygghetsvandringar",
        followUps: [
          { on: "2022-09-20", kind: "production", status: "done", note: "Fem trygghetsvandringar.", quantity: 5 },
        ],
      },
      {
        title: "Bättre belysning på utpekade gångstråk",
        focusArea: 0,
        cause: [0, 0],
        responsible: ["Västerås stad"],
        horizon: "long",
        deadline: "2022-12-31",
        goal: "Färre upplevda ordningsstörningar",
        indicator: { index: 0, baselineYear: 2021, baselineValue: 2.4, targetValue: 2.2, targetYear: 2022 },
        followUps: [
          {
            on: "2022-12-15",
            kind: "production",
            status: "partly_done",
            note: "Tre av fem gångstråk har fått ny belysning.",
          },
        ],
      },
      {
        title: "Riktad närvaro kvällstid där grupper samlas",
        focusArea: 1,
        cause: [0, 1],
        responsible: ["Västerås"],
        deadline: "2022-12-31",
        followUps: [{ on: "2022-12-20", kind: "production", status: "done", note: "Närvaro fredag och lördag kväll." }],
      },
    ],
    promises: [
      {
        promiser: "together",
        text: "Tillsammans lovar vi att göra trygghetsvandringar på de platser ni pekar ut, april–september.",
        periodStart: "2022-04-01",
        periodEnd: "2022-09-30",
        actions: [0],
        publish: true,
        close: {
          verdict: "yes",
          verdictText: "Vi gjorde fem trygghetsvandringar.",
          effectText: "Förslagen från vandringarna ledde till ny belysning på tre gångstråk.",
        },
      },
      {
        promiser: "police",
        text: "Polisen lovar att vara på plats kvällstid där grupper samlas, oktober–mars.",
        periodStart: "2022-10-01",
        periodEnd: "2023-03-31",
        actions: [2],
        publish: true,
        close: {
          verdict: "yes",
          verdictText: "Polisen var på plats fredag och lördag kväll under hela perioden.",
          effectText: "Upplevda ordningsstörningar i centrum minskade något (index 2,1 jämfört med 2,4).",
        },
      },
      {
        promiser: "kommun",
        text: "Kommunen lovar bättre belysning på de gångstråk som upplevs otrygga, oktober–mars.",
        periodStart: "2022-10-01",
        periodEnd: "2023-03-31",
        actions: [1],
        publish: true,
        close: {
          verdict: "partly",
          verdictText: "Tre av fem gångstråk har fått ny belysning; resten görs under våren.",
          effectText: "",
        },
      },
    ],
    communication: [
      {
        message: "Medborgarlöfte april–september",
        audience: "Invånare i Västerås",
        channel: "Webbplats och sociala medier",
        owner: "Enheten för hållbarhet",
        plannedOn: "2022-04-01",
        promise: 0,
        done: true,
      },
    ],
    reports: [{ recipient: "Kommunstyrelsen", reportedOn: "2023-02-20", note: "Utvärdering av 2022 års arbete." }],
  },
  {
    kommun: "Kungsörs kommun",
    settings: { promisePeriod: "year", staleAfterDays: 60 },
    year: 2026,
    status: "active",
    focusAreas: [
      { title: "Ungdomsbrottslighet", description: "UNG-gruppen arbetar förebyggande mot ungdomsbrottslighet." },
      { title: "Grannsamverkan", description: "Göra bostadsområden mindre attraktiva för brottslig verksamhet." },
    ],
    situation: {
      crimeMapping:
        "Den strategiska lägesbilden för Kungsör upprättas i samverkan mellan lokalpolisområde Västra Mälardalen och Kungsörs kommun.",
      otherInformation: "Underlag från UNG-gruppen och grannsamverkan.",
      analysis: "",
      sourcesUsed: [{ key: "police_statistics", note: "Polisens statistik för Kungsör" }],
    },
    indicators: [
      {
        name: "Bostadsinbrott per 100 000 invånare",
        source: "Demodata – inte verklig statistik",
        unit: "per 100 000 invånare",
        direction: "decrease",
        values: [
          { year: 2024, value: 310 },
          { year: 2025, value: 285 },
        ],
      },
    ],
    problems: [
      {
        title: "Inbrott i villaområden",
        description: "Bostadsinbrott i villaområden, ofta dagtid.",
        times: "Vardagar dagtid",
        focusArea: 1,
        rationale: "Grannsamverkan är en beprövad metod och kommunpolisen har redan ansvaret.",
        causes: [
          { axis: "place", text: "Områden utan grannsamverkan och med dålig insyn" },
          { axis: "victim", text: "Boende vet inte hur de skyddar sig" },
        ],
      },
      {
        title: "Unga som riskerar att dras in i brott",
        description: "UNG-gruppen ser unga som rör sig i miljöer med äldre kriminella.",
        focusArea: 0,
        causes: [{ axis: "offender", text: "Unga saknar meningsfull fritid på kvällstid" }],
      },
    ],
    prioritisationRationale: "Grannsamverkan och ungdomsbrottslighet prioriteras enligt överenskommelsen.",
    actions: [
      {
        title: "Starta grannsamverkan i två nya bostadsområden",
        focusArea: 1,
        cause: [0, 0],
        responsible: ["Västra Mälardalen"],
        contactPerson: "Kommunpolisen",
        deadline: "2026-10-31",
        quantityTarget: "minst två nya områden",
        goal: "Färre bostadsinbrott",
        indicator: { index: 0, baselineYear: 2025, baselineValue: 285, targetValue: 250, targetYear: 2026 },
        followUps: [
          { on: "2026-05-12", kind: "production", status: "ongoing", note: "Ett område startat i maj.", quantity: 1 },
        ],
        idleDays: 120,
      },
      {
        title: "Informationsträffar om inbrottsskydd",
        focusArea: 1,
        cause: [0, 1],
        responsible: ["Västra Mälardalen", "Kungsörs kommun"],
        deadline: "2026-12-15",
        quantityTarget: "fyra träffar",
        followUps: [
          { on: "2026-11-10", kind: "production", status: "ongoing", note: "Tre träffar hållna.", quantity: 3 },
        ],
      },
      {
        title: "Kvällsöppen fritidsgård fredagar",
        focusArea: 0,
        cause: [1, 0],
        responsible: ["Kultur- och fritidsförvaltningen"],
        kind: "social",
        horizon: "long",
        startsOn: "2026-02-01",
        deadline: "2026-12-31",
        followUpMethod: "Antal besökare per kväll",
        followUpFrequency: "Varje månad",
        idleDays: 75,
      },
    ],
    promises: [
      {
        promiser: "police",
        text: "Polisen lovar att tillsammans med boende starta grannsamverkan i minst två nya bostadsområden under 2026.",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        actions: [0],
        publish: true,
      },
      {
        promiser: "kommun",
        text: "Kommunen lovar att hålla fritidsgården öppen fredagskvällar under 2026.",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        actions: [2],
        publish: true,
      },
      {
        promiser: "together",
        text: "Tillsammans lovar vi fyra träffar om hur du skyddar ditt hem mot inbrott.",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        actions: [1],
        publish: false,
      },
    ],
    communication: [
      {
        message: "Medborgarlöftet 2026",
        audience: "Invånare i Kungsör",
        channel: "Kommunens webbplats och lokaltidningen",
        owner: "Kungsörs kommun",
        plannedOn: "2026-02-15",
        promise: 0,
        done: true,
      },
      {
        message: "Så här gick det 2026",
        audience: "Invånare i Kungsör",
        channel: "Kommunens webbplats",
        owner: "Kungsörs kommun",
        plannedOn: "2027-02-15",
        milestone: "Återkoppling till medborgarna",
        done: false,
      },
    ],
    reports: [],
  },
];

/** Departments the cycles name as responsible, added to the demo's kommuner. */
export const demoCycleDepartments: Record<string, string[]> = {
  "Skara kommun": ["Omsorgsförvaltningen", "Plan- och byggenheten", "Kommunikationsenheten"],
  "Kungsörs kommun": ["Kultur- och fritidsförvaltningen"],
};
