import type { Role } from "../core/context.ts";

/** The password of every demo account; demo accounts never go into a production database by accident. */
export const DEMO_PASSWORD = "samverkan-demo";
export type { Role };

export const demoPoliceAreas = [
  { name: "Västra Mälardalen", policeRegion: "bergslagen", covers: ["1983", "1960", "1984"] },
  { name: "Västra Skaraborg", policeRegion: "vast", covers: ["1495"] },
  { name: "Västerås", policeRegion: "bergslagen", covers: ["1980"] },
  { name: "Nybro", policeRegion: "syd", covers: ["0881", "0761"] },
];

interface DemoAgreement {
  kommun: { name: string; code: string };
  departments?: string[];
  parties: { name: string; contact?: { contactName?: string; contactTitle?: string } }[];
  agreement: {
    title: string;
    purpose?: string;
    method?: string;
    organisationText?: string;
    commitments?: string[];
    validFrom?: string | null;
    validTo?: string | null;
    untilFurtherNotice?: boolean;
    revisionNote?: string;
    terminable?: boolean;
    signedOn?: string | null;
  };
  signatories: { name: string; title: string; organisation: string; place: string; signedOn: string | null }[];
  bodies: {
    name: string;
    kind: "steering_group" | "bra" | "project_group" | "working_group" | "other";
    mandate: string;
    members: { name: string; organisation: string; role: string }[];
  }[];
  focusAreas: { title: string; description?: string }[];
}

/**
 * LPO coverage lists only what the seed documents and DOMAIN.md state; operators complete it in the
 * organisation admin.
 */
/** The five seed agreements, retold as data (facts from the documents; nothing invented beyond them). */
export const demoAgreements: DemoAgreement[] = [
  {
    kommun: { name: "Köpings kommun", code: "1983" },
    parties: [{ name: "Köpings kommun" }, { name: "Västra Mälardalen" }],
    agreement: {
      title: "Samverkansöverenskommelse Köpings kommun och lokalpolisområde Västra Mälardalen",
      purpose:
        "Köpings kommun och lokalpolisområde Västra Mälardalen ska gemensamt formulera en process för samverkan i det brottsförebyggande och trygghetsskapande arbetet i Köpings kommun.",
      method:
        "Vardera part ska tillhandahålla en organisation som möjliggör att överenskommelsens åtaganden är genomförbara. Arbetet ska ske utifrån en gemensam lokal lägesbild och ett problemorienterat arbetssätt.",
      commitments: [
        "Att det ska finnas en styrgrupp (BRÅ beredning), projektgrupp (BRÅ) och arbetsgrupper EST för att genomföra det arbete som följer av denna överenskommelse.",
        "Att det inom respektive organisation ska finnas en samordnare eller en samordnande funktion för det brottsförebyggande arbetet.",
        "Att upprättad genomförandeplan löpande ska avrapporteras i projektgruppen.",
        "Att överenskommelsen gäller till och med 31 december 2024.",
      ],
      validTo: "2024-12-31",
    },
    signatories: [],
    bodies: [
      { name: "BRÅ beredning", kind: "steering_group", mandate: "Styrgrupp för samverkan", members: [] },
      {
        name: "BRÅ",
        kind: "project_group",
        mandate: "Projektgrupp; tar emot avrapportering av genomförandeplanen",
        members: [],
      },
      { name: "EST", kind: "working_group", mandate: "Effektiv samordning för trygghet", members: [] },
    ],
    focusAreas: [],
  },
  {
    kommun: { name: "Kungsörs kommun", code: "1960" },
    parties: [{ name: "Kungsörs kommun" }, { name: "Västra Mälardalen", contact: { contactTitle: "Kommunpolis" } }],
    agreement: {
      title: "Samverkansöverenskommelse Kungsörs kommun och lokalpolisområde Västra Mälardalen",
      purpose:
        "Kungsörs kommun och lokalpolisområde Västra Mälardalen ska gemensamt formulera en process för samverkan i det brottsförebyggande och trygghetsskapande arbetet i Kungsörs kommun.",
      method:
        "Varje år upprättas en strategisk lägesbild i samverkan. Varje år arbetas också ett medborgarlöfte fram, där prioriterade fokusområden fastställs och aktiviteter konkretiseras i en handlingsplan som gäller i ett år.",
      commitments: [
        "Lokala BRÅ är basen för det gemensamma brottsförebyggande arbetet.",
        "Lokala BRÅ beslutar om arbets- och projektgrupper eller andra samverkansgrupper efter behov.",
        "Polisen ska tillsammans med kommunen bedriva arbete med grannsamverkan; kommunpolisen är huvudansvarig.",
      ],
      validFrom: "2022-12-15",
      untilFurtherNotice: true,
      revisionNote: "Revideras vid behov.",
    },
    signatories: [
      {
        name: "Claes-Urban Boström",
        title: "Kommundirektör",
        organisation: "Kungsörs kommun",
        place: "Kungsör",
        signedOn: "2022-12-15",
      },
      {
        name: "Maria Bäck",
        title: "Lokalpolisområdeschef",
        organisation: "Västra Mälardalen",
        place: "Kungsör",
        signedOn: "2022-12-15",
      },
    ],
    bodies: [
      {
        name: "Lokala BRÅ",
        kind: "bra",
        mandate: "Basen för det gemensamma brottsförebyggande arbetet; sammansättning enligt reglementet för BRÅ.",
        members: [],
      },
      {
        name: "UNG-gruppen",
        kind: "working_group",
        mandate: "Arbetar förebyggande mot ungdomsbrottslighet; får sina uppdrag från lokala BRÅ.",
        members: [],
      },
      {
        name: "Grannsamverkan",
        kind: "working_group",
        mandate: "Grannsamverkan i bostadsområden.",
        members: [{ name: "Kommunpolisen", organisation: "Västra Mälardalen", role: "Huvudansvarig" }],
      },
    ],
    focusAreas: [],
  },
  {
    kommun: { name: "Skara kommun", code: "1495" },
    departments: ["Barn- och utbildningsförvaltningen", "Service och teknik", "Kultur- och fritidsenheten"],
    parties: [{ name: "Skara kommun" }, { name: "Västra Skaraborg" }],
    agreement: {
      title: "Samverkansöverenskommelse Skara kommun och lokalpolisområde Västra Skaraborg 2020–2023",
      purpose: "Att öka tryggheten och minska brottsligheten inom Skara kommun.",
      method:
        "Åtgärderna är kopplade till en gemensamt framtagen problembild baserad på lokala kartläggningar och medborgardialoger. Handlingsplan och medborgarlöfte revideras och följs upp årsvis med redovisning till kommunstyrelsen och lokalpolisområdets ledning.",
      organisationText:
        "BRÅ-gruppen utarbetar förslaget till överenskommelse, handlingsplan och medborgarlöfte och ansvarar för genomförande, årsvis revidering och uppföljning.",
      validFrom: "2020-01-01",
      validTo: "2023-12-31",
    },
    signatories: [
      {
        name: "Ylva Pettersson",
        title: "Kommunstyrelsens ordförande",
        organisation: "Skara kommun",
        place: "Skara",
        signedOn: null,
      },
      {
        name: "Johan Rexhag",
        title: "Lokalpolisområdeschef",
        organisation: "Västra Skaraborg",
        place: "Skara",
        signedOn: null,
      },
    ],
    bodies: [{ name: "BRÅ-gruppen", kind: "bra", mandate: "Lokal brottsförebyggande arbetsgrupp", members: [] }],
    focusAreas: [
      { title: "Förekomst av narkotika i Skara" },
      { title: "Trygghetsfrämjande insatser i centrum och speciellt området runt busstationen" },
      { title: "Grannsamverkan" },
      { title: "Kommunicera det brottsförebyggande arbetet" },
      { title: "Arbeta för ett rent och snyggt Skara" },
    ],
  },
  {
    kommun: { name: "Västerås stad", code: "1980" },
    parties: [
      { name: "Västerås stad", contact: { contactTitle: "Enheten för hållbarhet" } },
      { name: "Västerås", contact: { contactTitle: "Kommunpolisen" } },
    ],
    agreement: {
      title: "Samverkansöverenskommelse mellan Västerås stad och lokalpolisområde Västerås",
      purpose: "Brottsligheten ska minska och den upplevda tryggheten ska öka i kommunen.",
      method:
        "Samarbetsmodellen bygger på samverkanshandboken. En övergripande gemensam lägesbild definieras årligen; prioriterade problembilder orsaksanalyseras och handlingsplaner upprättas. Medborgarlöften löper halvårsvis (april–september och oktober–mars).",
      organisationText:
        "Västerås stad initierar årligen senast den 1 juni möten och upprättar tidsplan; den gemensamma lägesbilden ska vara framtagen senast den 1 januari.",
      validFrom: "2019-11-06",
      validTo: "2023-03-01",
      terminable: true,
    },
    signatories: [
      {
        name: "Anders Teljebäck",
        title: "Kommunstyrelsens ordförande",
        organisation: "Västerås stad",
        place: "Västerås",
        signedOn: "2019-11-06",
      },
      {
        name: "Linda Hedmark",
        title: "tf Lokalpolisområdeschef",
        organisation: "Västerås",
        place: "Västerås",
        signedOn: "2019-11-06",
      },
    ],
    bodies: [],
    focusAreas: [],
  },
  {
    kommun: { name: "Lessebo kommun", code: "0761" },
    parties: [{ name: "Nybro" }, { name: "Lessebo kommun" }],
    agreement: {
      title: "Samverkansöverenskommelse mellan lokalpolisområde Nybro och Lessebo kommun",
      purpose:
        "Att minska brottsligheten och öka tryggheten inom kommunen, underlätta ett samlat grepp mot brottsligheten och långsiktigt, kunskapsbaserat arbete.",
      method:
        "Lägesbild med orsaksanalys minst årligen. Källor som alltid ska ingå: Polisens statistik, trygghetsmätningar, medborgardialoger, medarbetardialog samt information från Brå och operativt Brå.",
      commitments: [
        "Avsätta resurser till att delta i lokalt brottsförebyggande råd.",
        "Gemensamt ta fram lägesbild med tillhörande orsaksanalys, åtgärdsplan och kommunikationsplan.",
        "Minst varje år följa upp genomförda brottsförebyggande åtgärder och samverkan.",
      ],
      validFrom: "2019-01-01",
      validTo: "2023-12-31",
    },
    signatories: [
      {
        name: "Lotta Petersson",
        title: "TF Lokalpolisområdeschef",
        organisation: "Nybro",
        place: "Lessebo",
        signedOn: "2019-04-26",
      },
      {
        name: "Lars Altgård",
        title: "Kommunstyrelsens ordförande",
        organisation: "Lessebo kommun",
        place: "Lessebo",
        signedOn: "2019-04-26",
      },
    ],
    bodies: [{ name: "Lokalt brottsförebyggande råd", kind: "bra", mandate: "", members: [] }],
    focusAreas: [
      { title: "Unga i riskzon att utveckla en kriminell livsstil" },
      { title: "Otrygga platser" },
      { title: "Skolsäkerhet" },
      { title: "Inbrott och stölder" },
    ],
  },
];
