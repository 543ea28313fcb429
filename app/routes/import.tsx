/**
 * Importing a document, without JavaScript: (1) upload → (2) review the draft beside its source
 * text → (3) confirm, which saves and redirects to the agreement. Nothing is stored between the
 * steps: the review form carries the uploaded file back as a hidden base64 field (the upload limit
 * applies), and a confirmation with errors reads the same file again to show the review once more.
 * One document per import.
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
import { confirmImport, extractDraft, type ImportMatches } from "../../src/services/imports/imports.ts";
import { listOrganisations } from "../../src/services/organisations/organisations.ts";

/** Below this an extracted value is flagged for checking. */
const SURE = 0.6;

export function meta() {
  return [{ title: "Importera ett dokument – Samverkan" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignedIn(context.ctx, request);
  return { locale: context.locale, maxMb: Math.round(context.config.maxUploadBytes / 1048576) };
}

interface CarriedFile {
  filename: string;
  mediaType: string;
  content: string;
}

type Context = Route.ActionArgs["context"];

/** Everything the review page shows, read fresh from the file. */
async function reviewData(context: Context, draft: ImportDraft, matches: ImportMatches, file: CarriedFile) {
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
  return { draft, matches, file, organisations, agreements };
}

function uploadErrors(errors: FormErrors, status: number) {
  return data({ step: "upload" as const, errors }, { status });
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
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return uploadErrors({ fields: { file: "import.error.noFile" } }, 400);
    if (file.size > config.maxUploadBytes) return tooLarge();
    const bytes = Buffer.from(await file.arrayBuffer());
    const result = await act(() => extractDraft(ctx, { filename: file.name, mediaType: file.type, bytes }));
    if (!result.ok) {
      const status = result.response.init?.status ?? 400;
      return status === 413 ? tooLarge() : uploadErrors(result.response.data.errors, status);
    }
    const carried = { filename: file.name, mediaType: file.type, content: bytes.toString("base64") };
    return {
      step: "review" as const,
      review: await reviewData(context, result.value.draft, result.value.matches, carried),
      errors: undefined,
    };
  }

  const carried: CarriedFile = {
    filename: formString(form, "file.filename"),
    mediaType: formString(form, "file.mediaType"),
    content: formString(form, "file.content"),
  };
  const parties = indexedRows(form, "parties");
  const signatories = indexedRows(form, "signatories");
  const focusAreas = indexedRows(form, "focusAreas");
  const file = carried;
  const kind = formString(form, "kind") || "agreement";
  const annexTitle = formString(form, "annexTitle");
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
        kind,
        annexTitle,
        focusAreas: focus,
        file,
      });
    }
    return confirmImport(ctx, {
      kind,
      annexTitle,
      file,
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
            .replace(/^file\..*$/, "file"),
      ),
    postedValues(form, ["file.content"]),
  );
  if (result.ok) return redirect(`/overenskommelser/${result.value.id}?sparad=1`);
  const { errors } = result.response.data;
  const status = result.response.init?.status ?? 400;
  // Show the review again, read from the same file; a file that no longer reads starts over.
  const again = await act(() =>
    extractDraft(ctx, {
      filename: carried.filename,
      mediaType: carried.mediaType,
      bytes: Buffer.from(carried.content, "base64"),
    }),
  );
  if (!again.ok) return uploadErrors(again.response.data.errors, again.response.init?.status ?? 400);
  return data(
    {
      step: "review" as const,
      review: await reviewData(context, again.value.draft, again.value.matches, carried),
      errors,
    },
    { status },
  );
}

export default function Import({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, maxMb } = loaderData;
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
            {t(locale, "import.fileHint", { mb: maxMb })}
          </div>
          <input
            className="ds-input"
            type="file"
            id={fileId}
            name="file"
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

/** The id of the mark around a value's source ("signatories/0/name" → "src-signatories-0-name"). */
export function markId(path: string): string {
  return `src-${path.replace(/[^a-zA-Z0-9]/g, "-")}`;
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

function renderSource(text: string, spans: Span[], from: number, to: number): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  let at = from;
  for (const s of spans) {
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(
      <mark key={s.path} id={markId(s.path)} data-unsure={s.confidence < SURE ? "" : undefined}>
        {renderSource(text, s.children, s.start, s.end)}
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
  draft,
  path,
  label,
  locale,
  marked,
}: {
  draft: ImportDraft;
  path: string;
  label: string;
  locale: Locale;
  marked: Set<string>;
}) {
  const field = draft.fields.find((f) => f.path === path);
  if (!field || !marked.has(path)) return null;
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
      <a className="ds-link" href={`#${markId(path)}`}>
        {t(locale, "import.showInSource")}
        <span style={visuallyHidden}> ({label})</span>
      </a>
    </p>
  );
}

function Review({ locale, review, errors }: { locale: Locale; review: ReviewData; errors: FormErrors | undefined }) {
  const { draft, matches, file, organisations, agreements } = review;
  const common = { locale, errors };
  const options = organisationOptions(organisations, locale);
  const tree = spanTree(draft);
  const marked = new Set(draft.fields.filter((f) => f.end > f.start).map((f) => f.path));
  const prov = (path: string, label: string) => (
    <Provenance draft={draft} path={path} label={label} locale={locale} marked={marked} />
  );
  const partyRows = [...draft.parties.map((p, i) => ({ party: p, match: matches.parties[i] ?? null })), null, null];
  const signatoryRows = [...draft.signatories.map((s, i) => ({ s, match: matches.signatories[i] ?? null })), null];
  const focusRows = [...draft.focusAreas.map((f) => f.title), "", ""];
  const kindLabel = t(locale, `import.kind.${draft.kind}`);
  const warningText = (w: { code: string; message: string }) =>
    isMessageKey(`import.warning.${w.code}`) ? t(locale, `import.warning.${w.code}`) : w.message;
  return (
    <div className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t(locale, "import.review.title")}
      </h1>
      <p className="ds-paragraph">{t(locale, "import.review.intro")}</p>
      <p className="ds-paragraph">
        {t(locale, "import.review.file", { name: file.filename || "–", kind: kindLabel })}{" "}
        <a className="ds-link" href="/importera">
          {t(locale, "import.startOver")}
        </a>
      </p>
      <ErrorSummary errors={errors} locale={locale} />
      {draft.warnings.length > 0 && (
        <div className="ds-alert" data-color="warning">
          <h2 className="ds-heading" data-size="xs">
            {t(locale, "import.warnings")}
          </h2>
          <ul className="ds-list">
            {draft.warnings.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
        </div>
      )}
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(22rem, 1fr))", gap: "2rem" }}>
        <Form method="post" encType="multipart/form-data" className="form-grid" noValidate>
          <input type="hidden" name="file.filename" value={file.filename} />
          <input type="hidden" name="file.mediaType" value={file.mediaType} />
          <input type="hidden" name="file.content" value={file.content} />
          <input type="hidden" name="kind" value={draft.kind} />
          <div>
            <TextField
              name="title"
              label={t(locale, "agreement.field.title")}
              defaultValue={shown(errors, "title", draft.title)}
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
              defaultValue={shown(errors, "validFrom", draft.validity.from)}
              {...common}
            />
            {prov("validity/from", t(locale, "agreement.field.validFrom"))}
            <TextField
              name="validTo"
              type="date"
              label={t(locale, "agreement.field.validTo")}
              defaultValue={shown(errors, "validTo", draft.validity.to)}
              {...common}
            />
            {prov("validity/to", t(locale, "agreement.field.validTo"))}
            <CheckboxField
              name="untilFurtherNotice"
              label={t(locale, "agreement.field.untilFurtherNotice")}
              defaultChecked={shownChecked(errors, "untilFurtherNotice", draft.validity.untilFurtherNotice)}
              {...common}
            />
            {prov("validity/untilFurtherNotice", t(locale, "agreement.field.untilFurtherNotice"))}
            <TextField
              name="revisionNote"
              label={t(locale, "agreement.field.revisionNote")}
              defaultValue={shown(errors, "revisionNote", draft.validity.revision)}
              {...common}
            />
            {prov("validity/revision", t(locale, "agreement.field.revisionNote"))}
            <CheckboxField
              name="terminable"
              label={t(locale, "agreement.field.terminable")}
              defaultChecked={shownChecked(errors, "terminable", draft.validity.terminable)}
              {...common}
            />
            {prov("validity/terminable", t(locale, "agreement.field.terminable"))}
            <TextField
              name="signedOn"
              type="date"
              label={t(locale, "agreement.field.signedOn")}
              defaultValue={shown(errors, "signedOn", draft.signed?.date)}
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
                  {prov(`parties/${i}`, legend)}
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
                  {prov(`signatories/${i}/name`, `${legend}: ${t(locale, "import.field.name")}`)}
                  <TextField
                    name={n("title")}
                    label={t(locale, "import.field.role")}
                    defaultValue={shown(errors, n("title"), row?.s.title)}
                    {...common}
                  />
                  {prov(`signatories/${i}/title`, `${legend}: ${t(locale, "import.field.role")}`)}
                  <SelectField
                    name={n("organisationId")}
                    label={t(locale, "agreement.field.organisation")}
                    options={options}
                    emptyLabel={t(locale, "common.choose")}
                    defaultValue={shown(errors, n("organisationId"), row?.match?.organisationId)}
                    {...common}
                  />
                  {prov(`signatories/${i}/organisation`, `${legend}: ${t(locale, "agreement.field.organisation")}`)}
                  <TextField
                    name={n("place")}
                    label={t(locale, "import.field.place")}
                    defaultValue={shown(errors, n("place"), row ? draft.signed?.place : "")}
                    {...common}
                  />
                  <TextField
                    name={n("signedOn")}
                    type="date"
                    label={t(locale, "import.field.signedOn")}
                    defaultValue={shown(errors, n("signedOn"), row ? draft.signed?.date : "")}
                    {...common}
                  />
                </Fieldset>
              );
            })}
          </Fieldset>

          <Fieldset legend={t(locale, "agreement.field.focusAreas")}>
            {focusRows.map((title, i) => {
              const name = `focusAreas.${i}.title`;
              const legend = t(locale, "import.focusAreaRow", { n: i + 1 });
              return (
                <Fieldset key={i} legend={legend}>
                  <TextField
                    name={name}
                    label={t(locale, "agreement.field.title")}
                    defaultValue={shown(errors, name, title)}
                    {...common}
                  />
                  {prov(`focusAreas/${i}`, legend)}
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
              defaultValue={shown(errors, "commitments", draft.commitments.map((c) => c.text).join("\n"))}
              {...common}
            />
            {draft.commitments.map((_c, i) => (
              <Fragment key={i}>
                {prov(`commitments/${i}`, `${t(locale, "agreement.field.commitments")} ${i + 1}`)}
              </Fragment>
            ))}
          </div>

          <TextField
            name="annexTitle"
            label={t(locale, "import.annexTitle")}
            description={t(locale, "import.annexTitleHint", { kind: t(locale, `annex.kind.${annexKind(draft.kind)}`) })}
            defaultValue={shown(errors, "annexTitle", file.filename)}
            {...common}
          />

          <ReadOnlyLater draft={draft} locale={locale} />

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
          <h2 id="h-source" className="ds-heading" data-size="sm">
            {t(locale, "import.source")}
          </h2>
          <p className="ds-paragraph" data-size="sm">
            {t(locale, "import.sourceHint")}
          </p>
          <pre
            role="region"
            aria-label={t(locale, "import.source")}
            tabIndex={0}
            style={{
              maxHeight: "80vh",
              overflow: "auto",
              whiteSpace: "pre-wrap",
              overflowWrap: "anywhere",
              padding: "1rem",
              border: "1px solid currentColor",
              position: "sticky",
              top: "1rem",
              fontSize: "0.9rem",
            }}
          >
            {renderSource(draft.text, tree, 0, draft.text.length)}
          </pre>
        </div>
      </div>
    </div>
  );
}

function annexKind(kind: ImportDraft["kind"]) {
  return kind === "action_plan" || kind === "citizen_promise" ? kind : "other";
}

/** Action-plan rows and promises: shown, not saved, until åtgärdsplaner and medborgarlöften exist. */
function ReadOnlyLater({ draft, locale }: { draft: ImportDraft; locale: Locale }) {
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
