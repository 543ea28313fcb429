/**
 * Importing a document, without JavaScript: (1) upload → (2) review the draft beside its source
 * text → (3) confirm, which saves and redirects to the agreement. Nothing is stored between the
 * steps: the review form carries the uploaded file back as a hidden base64 field (the upload limit
 * applies), and a confirmation with errors reads the same files again to show the review once more.
 * One import may hold several documents (an agreement, its action plan, its citizen promise): one
 * form, pre-filled from all of them, beside each document's source text; each is kept as an annex.
 */
import { Fragment } from "react";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/import";
import { organisationOptions } from "../components/agreement-form.tsx";
import { indexedRows, lines, postedValues, shown, shownChecked, withRowPaths } from "../components/form-rows.ts";
import {
  CheckboxField,
  ErrorSummary,
  Fieldset,
  fieldId,
  SelectField,
  SubmitButton,
  TextField,
} from "../components/forms.tsx";
import type { Locale } from "../i18n/index.ts";
import { isMessageKey } from "../i18n/index.ts";
import { t } from "../lib/context.ts";
import { act, formBool, formString, requireSignedIn, type FormErrors } from "../lib/http.ts";
import { AppError } from "../../src/errors.ts";
import type { ImportDraft } from "../../src/importers/index.ts";
import { listAgreements } from "../../src/services/agreements/agreements.ts";
import { hasRoleInAny } from "../../src/services/core/access.ts";
import {
  confirmImport,
  extractDrafts,
  MAX_IMPORT_FILES,
  type ExtractManyResult,
  type MergedSource,
} from "../../src/services/imports/imports.ts";
import { listOrganisations } from "../../src/services/organisations/organisations.ts";

/** Below this an extracted value is flagged for checking. */
const SURE = 0.6;

export function meta() {
  return [{ title: "Importera ett dokument – Samverkan" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  return {
    locale: context.locale,
    maxMb: Math.round(context.config.maxUploadBytes / 1048576),
    maxFiles: MAX_IMPORT_FILES,
  };
}

interface CarriedFile {
  filename: string;
  mediaType: string;
  content: string;
}

type Context = Route.ActionArgs["context"];

/** Everything the review page shows, read fresh from the file. */
async function reviewData(context: Context, result: ExtractManyResult, files: CarriedFile[]) {
  const actor = context.ctx.actor!;
  const organisations = await listOrganisations(context.ctx);
  const agreements = (await listAgreements(context.ctx))
    .filter((a) =>
      hasRoleInAny(
        actor,
        a.parties.map((p) => p.organisationId),
        "editor",
      ),
    )
    .map((a) => ({ id: a.id, title: a.title, version: a.version }));
  return { ...result, files, organisations, agreements };
}

function uploadErrors(errors: FormErrors, status: number) {
  return data({ step: "upload" as const, errors }, { status });
}

/**
 * Reads the files for the review; a file that cannot be read is refused with its name. Translated
 * here: the error summary shows keys without parameters.
 */
async function extract(context: Context, files: CarriedFile[]) {
  try {
    const result = await extractDrafts(
      context.ctx,
      files.map((f) => ({ filename: f.filename, mediaType: f.mediaType, bytes: Buffer.from(f.content, "base64") })),
    );
    return { ok: true as const, result };
  } catch (e) {
    if (!(e instanceof AppError) || e.code === "INTERNAL") throw e;
    const field = e.fields[0];
    const say = (key: string, params?: Record<string, string | number>) => t(context.locale, key, params);
    const message =
      e.messageKey === "import.error.inFile"
        ? say("import.error.inFile", { name: String(e.params?.name ?? ""), reason: say(field!.message, field!.params) })
        : say(field?.message ?? e.messageKey, field?.params ?? e.params);
    return { ok: false as const, response: uploadErrors({ fields: { file: message } }, e.status) };
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  requireSignedIn(context.ctx, request);
  const { config, ctx } = context;
  const mb = Math.round(config.maxUploadBytes / 1048576);
  // Translated here: the error summary shows keys without parameters.
  const tooLarge = () => uploadErrors({ fields: { file: t(context.locale, "upload.tooLarge", { mb }) } }, 413);
  // Refuse an oversized post before reading it: a review form carries the file as base64 (4/3 larger).
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > Math.ceil((config.maxUploadBytes * 4) / 3) + 2 * 1024 * 1024) return tooLarge();
  const form = await request.formData();
  const intent = formString(form, "intent");

  if (intent === "extract") {
    const uploads = form.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
    if (!uploads.length) return uploadErrors({ fields: { file: "import.error.noFile" } }, 400);
    if (uploads.length > MAX_IMPORT_FILES)
      return uploadErrors(
        { fields: { file: t(context.locale, "import.error.tooManyFiles", { max: MAX_IMPORT_FILES }) } },
        400,
      );
    const carried: CarriedFile[] = [];
    for (const file of uploads) {
      if (file.size > config.maxUploadBytes) return tooLarge();
      const bytes = Buffer.from(await file.arrayBuffer());
      carried.push({ filename: file.name, mediaType: file.type, content: bytes.toString("base64") });
    }
    const read = await extract(context, carried);
    if (!read.ok) return read.response;
    return { step: "review" as const, review: await reviewData(context, read.result, carried), errors: undefined };
  }

  const fileRows = indexedRows(form, "files").rows;
  const carried: CarriedFile[] = fileRows.map((r) => ({
    filename: r.filename ?? "",
    mediaType: r.mediaType ?? "",
    content: r.content ?? "",
  }));
  const files = fileRows.map((r, i) => ({
    ...carried[i]!,
    annexTitle: r.annexTitle ?? "",
    ...(r.kind ? { kind: r.kind } : {}),
  }));
  const parties = indexedRows(form, "parties");
  const signatories = indexedRows(form, "signatories");
  const focusAreas = indexedRows(form, "focusAreas");
  const focus = focusAreas.rows.map((r) => ({ title: r.title ?? "" }));
  const attachTo = formString(form, "attachTo");
  const run = async () => {
    if (intent === "attach") {
      const [attachToAgreementId, version] = attachTo.split("@");
      if (!attachToAgreementId)
        throw new AppError("VALIDATION", "validation.failed", {
          fields: [{ path: "attachTo", message: "import.attach.required" }],
        });
      return confirmImport(ctx, {
        attachToAgreementId,
        version: Number(version),
        focusAreas: focus,
        files,
      });
    }
    return confirmImport(ctx, {
      files,
      title: formString(form, "title"),
      validFrom: formString(form, "validFrom"),
      validTo: formString(form, "validTo"),
      untilFurtherNotice: formBool(form, "untilFurtherNotice"),
      terminable: formBool(form, "terminable"),
      revisionNote: formString(form, "revisionNote"),
      signedOn: formString(form, "signedOn"),
      commitments: lines(formString(form, "commitments")),
      parties: parties.rows.map((r) => ({ organisationId: r.organisationId ?? "" })),
      signatories: signatories.rows.map((r) => ({
        name: r.name ?? "",
        title: r.title ?? "",
        organisationId: r.organisationId ?? "",
        place: r.place ?? "",
        signedOn: r.signedOn ?? "",
      })),
      focusAreas: focus,
    });
  };
  const result = await act(
    () =>
      withRowPaths(
        run,
        { parties: parties.indices, signatories: signatories.indices, focusAreas: focusAreas.indices },
        (path) =>
          path
            .replace(/^commitments\.\d+$/, "commitments")
            .replace(/^(attachToAgreementId|version)$/, "attachTo")
            .replace(/^files\.\d+(\.(content|base64|filename|mediaType|kind))?$/, "file"),
      ),
    postedValues(
      form,
      [...form.keys()].filter((k) => /^files\.\d+\.content$/.test(k)),
    ),
  );
  if (result.ok) return redirect(`/overenskommelser/${result.value.id}?sparad=1`);
  const { errors } = result.response.data;
  const status = result.response.init?.status ?? 400;
  // Show the review again, read from the same files; files that no longer read start over.
  const again = await extract(context, carried);
  if (!again.ok) return again.response;
  return data(
    { step: "review" as const, review: await reviewData(context, again.result, carried), errors },
    { status },
  );
}

export default function Import({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, maxMb, maxFiles } = loaderData;
  if (actionData?.step === "review")
    return <Review locale={locale} review={actionData.review} errors={actionData.errors} />;
  const errors = actionData?.errors;
  const fileError = errors?.fields.file;
  const fileId = fieldId("file");
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "import.title")}
      </h1>
      <p className="ds-paragraph">{t(locale, "import.intro")}</p>
      <ErrorSummary errors={errors} locale={locale} />
      <Form method="post" encType="multipart/form-data" className="form-grid" noValidate>
        <input type="hidden" name="intent" value="extract" />
        <div className="ds-field">
          <label className="ds-label" htmlFor={fileId}>
            {t(locale, "import.file")}
          </label>
          <div className="ds-field__description" id={`${fileId}-desc`}>
            {t(locale, "import.fileHint", { mb: maxMb, max: maxFiles })}
          </div>
          <input
            className="ds-input"
            type="file"
            id={fileId}
            name="file"
            multiple
            accept=".pdf,.docx,.html,.htm,.md,.txt,application/pdf,text/plain,text/html,text/markdown"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-desc${fileError ? ` ${fileId}-err` : ""}`}
          />
          {fileError && (
            <div className="ds-validation-message" data-field="validation" id={`${fileId}-err`}>
              {t(locale, fileError)}
            </div>
          )}
        </div>
        <div>
          <SubmitButton>{t(locale, "import.extractSubmit")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}

type ReviewData = Awaited<ReturnType<typeof reviewData>>;

/**
 * The id of the mark around a value's source, unique across the import's documents
 * (document 1, "signatories/0/name" → "src-1-signatories-0-name").
 */
export function markId(document: number, path: string): string {
  return `src-${document}-${path.replace(/[^a-zA-Z0-9]/g, "-")}`;
}

interface Span {
  path: string;
  start: number;
  end: number;
  confidence: number;
  children: Span[];
}

/**
 * Nests the provenance spans so each becomes one <mark>: sorted by start (longer first), a span
 * inside another is its child; a span overlapping the end of another is cut at that end.
 */
export function spanTree(draft: Pick<ImportDraft, "fields" | "text">): Span[] {
  const seen = new Set<string>();
  const spans = draft.fields
    .filter((f) => f.end > f.start && f.end <= draft.text.length && !seen.has(f.path) && seen.add(f.path))
    .map((f) => ({ ...f, children: [] as Span[] }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const s of spans) {
    while (stack.length && stack[stack.length - 1]!.end <= s.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && s.end > parent.end) s.end = parent.end;
    (parent ? parent.children : roots).push(s);
    stack.push(s);
  }
  return roots;
}

function renderSource(document: number, text: string, spans: Span[], from: number, to: number): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  let at = from;
  for (const s of spans) {
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <mark key={s.path} id={markId(document, s.path)} data-unsure={s.confidence < SURE ? "" : undefined}>
        {renderSource(document, text, s.children, s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

const visuallyHidden: React.CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};

/** Confidence and a link to the source of one extracted value, under its field. */
function Provenance({
  review,
  source,
  label,
  locale,
}: {
  review: ReviewData;
  source: MergedSource | undefined;
  label: string;
  locale: Locale;
}) {
  const draft = source && review.documents[source.document]?.draft;
  const field = draft?.fields.find((f) => f.path === source!.path && f.end > f.start && f.end <= draft.text.length);
  if (!source || !field) return null;
  const sure = field.confidence >= SURE;
  return (
    <p className="ds-paragraph" data-size="sm">
      {sure ? (
        <span>{t(locale, "import.confidence.sure")}</span>
      ) : (
        <strong className="ds-validation-message" data-color="warning">
          {t(locale, "import.confidence.unsure")}
        </strong>
      )}{" "}
      <a className="ds-link" href={`#${markId(source.document, source.path)}`}>
        {t(locale, "import.showInSource")}
        <span style={visuallyHidden}> ({label})</span>
      </a>
    </p>
  );
}

function Review({ locale, review, errors }: { locale: Locale; review: ReviewData; errors: FormErrors | undefined }) {
  const { documents, merged, files, organisations, agreements } = review;
  const common = { locale, errors };
  const options = organisationOptions(organisations, locale);
  const primary = merged.primary;
  const main = documents[primary]!;
  const prov = (source: MergedSource | string, label: string) => (
    <Provenance
      review={review}
      source={typeof source === "string" ? { document: primary, path: source } : source}
      label={label}
      locale={locale}
    />
  );
  const partyRows = [...merged.parties, null, null];
  const signatoryRows = [...merged.signatories.map((s, i) => ({ s, match: merged.signatoryMatches[i] ?? null })), null];
  const focusRows = [...merged.focusAreas, null, null];
  const kindLabel = (kind: ImportDraft["kind"]) => t(locale, `import.kind.${kind}`);
  const warningText = (w: { code: string; message: string }) =>
    isMessageKey(`import.warning.${w.code}`) ? t(locale, `import.warning.${w.code}`) : w.message;
  const nameOf = (i: number) => documents[i]?.filename || files[i]?.filename || "–";
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "import.review.title")}
      </h1>
      <p className="ds-paragraph">{t(locale, "import.review.intro")}</p>
      <p className="ds-paragraph">
        {documents.length === 1
          ? t(locale, "import.review.file", { name: nameOf(0), kind: kindLabel(main.draft.kind) })
          : t(locale, "import.review.files", { n: documents.length, name: nameOf(primary) })}{" "}
        <a className="ds-link" href="/importera">
          {t(locale, "import.startOver")}
        </a>
      </p>
      <ErrorSummary errors={errors} locale={locale} />
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(22rem, 1fr))", gap: "2rem" }}>
        <Form method="post" encType="multipart/form-data" className="form-grid" noValidate>
          {files.map((file, i) => (
            <Fragment key={i}>
              <input type="hidden" name={`files.${i}.filename`} value={file.filename} />
              <input type="hidden" name={`files.${i}.mediaType`} value={file.mediaType} />
              <input type="hidden" name={`files.${i}.content`} value={file.content} />
              <input type="hidden" name={`files.${i}.kind`} value={documents[i]?.draft.kind ?? "other"} />
            </Fragment>
          ))}
          <div>
            <TextField
              name="title"
              label={t(locale, "agreement.field.title")}
              defaultValue={shown(errors, "title", merged.title)}
              required
              {...common}
            />
            {prov("title", t(locale, "agreement.field.title"))}
          </div>
          <Fieldset legend={t(locale, "agreement.field.validity")}>
            <TextField
              name="validFrom"
              type="date"
              label={t(locale, "agreement.field.validFrom")}
              defaultValue={shown(errors, "validFrom", merged.validity.from)}
              {...common}
            />
            {prov("validity/from", t(locale, "agreement.field.validFrom"))}
            <TextField
              name="validTo"
              type="date"
              label={t(locale, "agreement.field.validTo")}
              defaultValue={shown(errors, "validTo", merged.validity.to)}
              {...common}
            />
            {prov("validity/to", t(locale, "agreement.field.validTo"))}
            <CheckboxField
              name="untilFurtherNotice"
              label={t(locale, "agreement.field.untilFurtherNotice")}
              defaultChecked={shownChecked(errors, "untilFurtherNotice", merged.validity.untilFurtherNotice)}
              {...common}
            />
            {prov("validity/untilFurtherNotice", t(locale, "agreement.field.untilFurtherNotice"))}
            <TextField
              name="revisionNote"
              label={t(locale, "agreement.field.revisionNote")}
              defaultValue={shown(errors, "revisionNote", merged.validity.revision)}
              {...common}
            />
            {prov("validity/revision", t(locale, "agreement.field.revisionNote"))}
            <CheckboxField
              name="terminable"
              label={t(locale, "agreement.field.terminable")}
              defaultChecked={shownChecked(errors, "terminable", merged.validity.terminable)}
              {...common}
            />
            {prov("validity/terminable", t(locale, "agreement.field.terminable"))}
            <TextField
              name="signedOn"
              type="date"
              label={t(locale, "agreement.field.signedOn")}
              defaultValue={shown(errors, "signedOn", merged.signed?.date)}
              {...common}
            />
            {prov("signed/date", t(locale, "agreement.field.signedOn"))}
          </Fieldset>

          <Fieldset
            legend={t(locale, "agreement.field.parties")}
            id={fieldId("parties")}
            error={errors?.fields.parties}
            locale={locale}
          >
            <p className="ds-paragraph" data-size="sm">
              {t(locale, "agreement.field.partiesHint")}
            </p>
            {partyRows.map((row, i) => {
              const name = `parties.${i}.organisationId`;
              const legend = t(locale, "agreement.field.party", { n: i + 1 });
              return (
                <Fieldset key={i} legend={legend}>
                  {row && (
                    <p className="ds-paragraph" data-size="sm">
                      {t(locale, "import.party.inDocument", { name: row.party.name })}
                      {!row.match && ` ${t(locale, "import.party.noMatch")}`}
                    </p>
                  )}
                  <SelectField
                    name={name}
                    label={t(locale, "agreement.field.organisation")}
                    options={options}
                    emptyLabel={t(locale, "common.choose")}
                    defaultValue={shown(errors, name, row?.match?.organisationId)}
                    {...common}
                  />
                  {row && prov(row.source, legend)}
                </Fieldset>
              );
            })}
          </Fieldset>

          <Fieldset legend={t(locale, "agreement.field.signatories")}>
            {signatoryRows.map((row, i) => {
              const n = (f: string) => `signatories.${i}.${f}`;
              const legend = t(locale, "import.signatoryRow", { n: i + 1 });
              return (
                <Fieldset key={i} legend={legend}>
                  <TextField
                    name={n("name")}
                    label={t(locale, "import.field.name")}
                    defaultValue={shown(errors, n("name"), row?.s.name)}
                    {...common}
                  />
                  {row && prov(`signatories/${i}/name`, `${legend}: ${t(locale, "import.field.name")}`)}
                  <TextField
                    name={n("title")}
                    label={t(locale, "import.field.role")}
                    defaultValue={shown(errors, n("title"), row?.s.title)}
                    {...common}
                  />
                  {row && prov(`signatories/${i}/title`, `${legend}: ${t(locale, "import.field.role")}`)}
                  <SelectField
                    name={n("organisationId")}
                    label={t(locale, "agreement.field.organisation")}
                    options={options}
                    emptyLabel={t(locale, "common.choose")}
                    defaultValue={shown(errors, n("organisationId"), row?.match?.organisationId)}
                    {...common}
                  />
                  {row &&
                    prov(`signatories/${i}/organisation`, `${legend}: ${t(locale, "agreement.field.organisation")}`)}
                  <TextField
                    name={n("place")}
                    label={t(locale, "import.field.place")}
                    defaultValue={shown(errors, n("place"), row ? merged.signed?.place : "")}
                    {...common}
                  />
                  <TextField
                    name={n("signedOn")}
                    type="date"
                    label={t(locale, "import.field.signedOn")}
                    defaultValue={shown(errors, n("signedOn"), row ? merged.signed?.date : "")}
                    {...common}
                  />
                </Fieldset>
              );
            })}
          </Fieldset>

          <Fieldset legend={t(locale, "agreement.field.focusAreas")}>
            {focusRows.map((row, i) => {
              const name = `focusAreas.${i}.title`;
              const legend = t(locale, "import.focusAreaRow", { n: i + 1 });
              return (
                <Fieldset key={i} legend={legend}>
                  <TextField
                    name={name}
                    label={t(locale, "agreement.field.title")}
                    defaultValue={shown(errors, name, row?.title ?? "")}
                    {...common}
                  />
                  {row && prov(row.source, legend)}
                </Fieldset>
              );
            })}
          </Fieldset>

          <div>
            <TextField
              name="commitments"
              label={t(locale, "agreement.field.commitments")}
              description={t(locale, "agreement.field.commitmentsHint")}
              multiline
              defaultValue={shown(errors, "commitments", merged.commitments.map((c) => c.text).join("\n"))}
              {...common}
            />
            {merged.commitments.map((_c, i) => (
              <Fragment key={i}>
                {prov(`commitments/${i}`, `${t(locale, "agreement.field.commitments")} ${i + 1}`)}
              </Fragment>
            ))}
          </div>

          {files.map((file, i) => (
            <TextField
              key={i}
              name={`files.${i}.annexTitle`}
              label={t(locale, "import.annexTitleFor", { name: nameOf(i) })}
              description={t(locale, "import.annexTitleHint", {
                kind: t(locale, `annex.kind.${annexKind(documents[i]?.draft.kind ?? "other")}`),
              })}
              defaultValue={shown(errors, `files.${i}.annexTitle`, file.filename)}
              {...common}
            />
          ))}

          <ReadOnlyLater
            actions={documents.flatMap((d) => d.draft.actions)}
            promises={documents.flatMap((d) => d.draft.promises)}
            locale={locale}
          />

          <div>
            <button type="submit" className="ds-button" data-variant="primary" name="intent" value="create">
              {t(locale, "import.confirm")}
            </button>
          </div>

          {agreements.length > 0 && (
            <Fieldset legend={t(locale, "import.attach.title")}>
              <p className="ds-paragraph" data-size="sm">
                {t(locale, "import.attach.text")}
              </p>
              <SelectField
                name="attachTo"
                label={t(locale, "import.attach.agreement")}
                options={agreements.map((a) => ({ value: `${a.id}@${a.version}`, label: a.title }))}
                emptyLabel={t(locale, "common.choose")}
                defaultValue={shown(errors, "attachTo", "")}
                {...common}
              />
              <div>
                <button type="submit" className="ds-button" data-variant="secondary" name="intent" value="attach">
                  {t(locale, "import.attach.submit")}
                </button>
              </div>
            </Fieldset>
          )}
        </Form>

        <div className="stack">
          <p className="ds-paragraph" data-size="sm">
            {t(locale, "import.sourceHint")}
          </p>
          {documents.map((doc, d) => (
            <section key={d} aria-labelledby={`h-doc-${d}`} className="stack">
              <h2 id={`h-doc-${d}`} className="ds-heading" data-size="sm">
                {t(locale, "import.document.heading", { name: nameOf(d), kind: kindLabel(doc.draft.kind) })}
              </h2>
              {doc.draft.warnings.length > 0 && (
                <div className="ds-alert" data-color="warning">
                  <h3 className="ds-heading" data-size="xs">
                    {t(locale, "import.warnings")}
                  </h3>
                  <ul className="ds-list">
                    {doc.draft.warnings.map((w, i) => (
                      <li key={i}>{warningText(w)}</li>
                    ))}
                  </ul>
                </div>
              )}
              <pre
                role="region"
                aria-label={t(locale, "import.sourceFor", { name: nameOf(d) })}
                tabIndex={0}
                style={{
                  maxHeight: documents.length > 1 ? "60vh" : "80vh",
                  overflow: "auto",
                  whiteSpace: "pre-wrap",
                  overflowWrap: "anywhere",
                  padding: "1rem",
                  border: "1px solid currentColor",
                  fontSize: "0.9rem",
                }}
              >
                {renderSource(d, doc.draft.text, spanTree(doc.draft), 0, doc.draft.text.length)}
              </pre>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

function annexKind(kind: ImportDraft["kind"]) {
  return kind === "action_plan" || kind === "citizen_promise" ? kind : "other";
}

/** Action-plan rows and promises: shown, not saved, until åtgärdsplaner and medborgarlöften exist. */
function ReadOnlyLater({
  actions,
  promises,
  locale,
}: {
  actions: ImportDraft["actions"];
  promises: ImportDraft["promises"];
  locale: Locale;
}) {
  const draft = { actions, promises };
  if (!draft.actions.length && !draft.promises.length) return null;
  return (
    <section aria-labelledby="h-later" className="stack">
      <h2 id="h-later" className="ds-heading" data-size="sm">
        {t(locale, "import.later.title")}
      </h2>
      <p className="ds-paragraph" data-size="sm">
        {t(locale, "import.later.text")}
      </p>
      {draft.actions.length > 0 && (
        <div style={{ overflowX: "auto" }} role="region" aria-labelledby="c-actions" tabIndex={0}>
          <table className="ds-table" data-size="sm">
            <caption id="c-actions">{t(locale, "import.later.actions", { n: draft.actions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, "import.action.focusArea")}</th>
                <th scope="col">{t(locale, "import.action.cause")}</th>
                <th scope="col">{t(locale, "import.action.action")}</th>
                <th scope="col">{t(locale, "import.action.responsible")}</th>
                <th scope="col">{t(locale, "import.action.followUp")}</th>
              </tr>
            </thead>
            <tbody>
              {draft.actions.map((a, i) => (
                <tr key={i}>
                  <td>{a.focusArea ?? ""}</td>
                  <td>{a.cause ?? ""}</td>
                  <td>{a.action}</td>
                  <td>{[...a.responsible, ...a.contacts.map((c) => `(${c})`)].join(", ")}</td>
                  <td>{a.followUp ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {draft.promises.length > 0 && (
        <>
          <h3 className="ds-heading" data-size="xs">
            {t(locale, "import.later.promises", { n: draft.promises.length })}
          </h3>
          <ul className="ds-list">
            {draft.promises.map((p, i) => (
              <li key={i}>
                {t(locale, `import.promise.by.${p.by}`)}: {p.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
