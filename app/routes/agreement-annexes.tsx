import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/agreement-annexes";
import { loadEditableAgreement, postedVersion } from "../components/agreement-access.ts";
import { indexedRows, postedValues, shown, withRowPaths } from "../components/form-rows.ts";
import {
  CheckboxField,
  Fieldset,
  fieldId,
  SavedNotice,
  savedFlag,
  SelectField,
  SubmitButton,
  TextField,
} from "../components/forms.tsx";
import { t } from "../lib/context.ts";
import { AgreementSubpageHeader } from "../components/agreement-subpage.tsx";
import { act, formString, type FormErrors } from "../lib/http.ts";
import { annexKinds } from "../../src/domain/agreements/schemas.ts";
import { addAnnexFile, setAnnexes } from "../../src/services/agreements/agreements.ts";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Bilagor – ${data?.agreement.title ?? "överenskommelse"} – Samverkan` }];
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return {
    locale: context.locale,
    agreement: await loadEditableAgreement(context, request, params.id),
    maxMb: Math.round(context.config.maxUploadBytes / 1048576),
    saved: savedFlag(request),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const agreement = await loadEditableAgreement(context, request, params.id);
  const { locale, config } = context;
  // Refuse an oversized upload before reading it into memory. The slack covers the multipart framing.
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > config.maxUploadBytes + 64 * 1024) return tooLarge(locale, config.maxUploadBytes);
  const form = await request.formData();
  const version = postedVersion(form);
  const done = () => redirect(`/overenskommelser/${params.id}/bilagor?sparad=1`);
  const intent = formString(form, "intent");

  if (intent === "upload") {
    const file = form.get("file");
    if (file instanceof File && file.size > config.maxUploadBytes) return tooLarge(locale, config.maxUploadBytes);
    const result = await act(
      () =>
        withRowPaths(
          async () =>
            addAnnexFile(context.ctx, {
              agreementId: params.id,
              version,
              title: formString(form, "uploadTitle"),
              kind: formString(form, "uploadKind"),
              filename: file instanceof File ? file.name : "",
              mediaType: file instanceof File ? file.type : "",
              content: file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0),
            }),
          {},
          (path) =>
            path.replace(/^annexes\.0\.(title|kind)$/, (_m, f: string) =>
              f === "title" ? "uploadTitle" : "uploadKind",
            ),
        ),
      postedValues(form),
    );
    return result.ok ? done() : result.response;
  }

  const existing = agreement.annexes.map((x) => ({
    title: x.title,
    kind: x.kind,
    url: x.url ?? "",
    fileId: x.fileId ?? "",
  }));
  if (intent === "link") {
    const n = existing.length;
    const rename: Record<string, string> = { title: "linkTitle", kind: "linkKind", url: "linkUrl" };
    const annexes = [
      ...existing,
      {
        title: formString(form, "linkTitle"),
        kind: formString(form, "linkKind"),
        url: formString(form, "linkUrl"),
        fileId: "",
      },
    ];
    const result = await act(
      () =>
        withRowPaths(
          () => setAnnexes(context.ctx, { agreementId: params.id, version, annexes }),
          {},
          (path) => path.replace(new RegExp(`^annexes\\.${n}\\.(\\w+)$`), (_m, f: string) => rename[f] ?? "linkUrl"),
        ),
      postedValues(form),
    );
    return result.ok ? done() : result.response;
  }

  const { rows, indices } = indexedRows(form, "annexes");
  const annexes = rows.map((r) => ({
    title: r.title ?? "",
    kind: r.kind ?? "",
    url: r.url ?? "",
    fileId: r.fileId ?? "",
  }));
  const result = await act(
    () =>
      withRowPaths(() => setAnnexes(context.ctx, { agreementId: params.id, version, annexes }), { annexes: indices }),
    postedValues(form),
  );
  return result.ok ? done() : result.response;
}

function tooLarge(locale: Parameters<typeof t>[0], maxBytes: number) {
  const message = t(locale, "upload.tooLarge", { mb: Math.round(maxBytes / 1048576) });
  return data({ errors: { fields: { file: message } } satisfies FormErrors }, { status: 413 });
}

export default function Annexes({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, agreement: a, maxMb, saved } = loaderData;
  const errors: FormErrors | undefined = actionData?.errors;
  const common = { locale, errors };
  const kinds = annexKinds.map((k) => ({ value: k, label: t(locale, `annex.kind.${k}`) }));
  const fileError = errors?.fields.file;
  return (
    <div className="stack">
      <AgreementSubpageHeader agreement={a} heading={t(locale, "annex.title")} locale={locale} errors={errors}>
        <SavedNotice show={saved && !errors} locale={locale} />
      </AgreementSubpageHeader>

      {a.annexes.length > 0 && (
        <section aria-labelledby="h-list" className="stack">
          <h2 id="h-list" className="ds-heading" data-size="md">
            {t(locale, "annex.list")}
          </h2>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={a.version} />
            <input type="hidden" name="intent" value="list" />
            {a.annexes.map((x, i) => {
              const n = (f: string) => `annexes.${i}.${f}`;
              return (
                <Fieldset key={x.id} legend={t(locale, "annex.row", { n: i + 1 })}>
                  <input type="hidden" name={n("fileId")} value={x.fileId ?? ""} />
                  <TextField
                    name={n("title")}
                    label={t(locale, "annex.titleField")}
                    defaultValue={shown(errors, n("title"), x.title)}
                    {...common}
                  />
                  <SelectField
                    name={n("kind")}
                    label={t(locale, "annex.kind")}
                    options={kinds}
                    defaultValue={shown(errors, n("kind"), x.kind)}
                    {...common}
                  />
                  {x.fileId ? (
                    <p className="ds-paragraph">
                      <a className="ds-link" href={`/overenskommelser/${a.id}/bilagor/${x.id}/fil`}>
                        {t(locale, "annex.fileName", { name: x.filename ?? x.title })}
                      </a>
                    </p>
                  ) : (
                    <TextField
                      name={n("url")}
                      type="url"
                      label={t(locale, "annex.url")}
                      defaultValue={shown(errors, n("url"), x.url)}
                      {...common}
                    />
                  )}
                  <CheckboxField name={n("remove")} label={t(locale, "common.removeRow")} {...common} />
                </Fieldset>
              );
            })}
            <div>
              <SubmitButton>{t(locale, "common.saveList")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}

      <section aria-labelledby="h-link" className="stack">
        <h2 id="h-link" className="ds-heading" data-size="md">
          {t(locale, "annex.addLink")}
        </h2>
        <Form method="post" className="form-grid" noValidate>
          <input type="hidden" name="version" value={a.version} />
          <input type="hidden" name="intent" value="link" />
          <TextField
            name="linkTitle"
            label={t(locale, "annex.titleField")}
            defaultValue={shown(errors, "linkTitle", "")}
            {...common}
          />
          <SelectField
            name="linkKind"
            label={t(locale, "annex.kind")}
            options={kinds}
            defaultValue={shown(errors, "linkKind", "action_plan")}
            {...common}
          />
          <TextField
            name="linkUrl"
            type="url"
            label={t(locale, "annex.url")}
            defaultValue={shown(errors, "linkUrl", "")}
            {...common}
          />
          <div>
            <SubmitButton>{t(locale, "annex.addLinkSubmit")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="h-upload" className="stack">
        <h2 id="h-upload" className="ds-heading" data-size="md">
          {t(locale, "annex.upload")}
        </h2>
        <Form method="post" encType="multipart/form-data" className="form-grid" noValidate>
          <input type="hidden" name="version" value={a.version} />
          <input type="hidden" name="intent" value="upload" />
          <TextField
            name="uploadTitle"
            label={t(locale, "annex.titleField")}
            defaultValue={shown(errors, "uploadTitle", "")}
            {...common}
          />
          <SelectField
            name="uploadKind"
            label={t(locale, "annex.kind")}
            options={kinds}
            defaultValue={shown(errors, "uploadKind", "action_plan")}
            {...common}
          />
          <div className="ds-field">
            <label className="ds-label" htmlFor={fieldId("file")}>
              {t(locale, "annex.file")}
            </label>
            <div className="ds-field__description" id={`${fieldId("file")}-desc`}>
              {t(locale, "annex.uploadHint", { mb: maxMb })}
            </div>
            <input
              className="ds-input"
              type="file"
              id={fieldId("file")}
              name="file"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${fieldId("file")}-desc${fileError ? ` ${fieldId("file")}-err` : ""}`}
            />
            {fileError && (
              <div className="ds-validation-message" data-field="validation" id={`${fieldId("file")}-err`}>
                {t(locale, fileError)}
              </div>
            )}
          </div>
          <div>
            <SubmitButton>{t(locale, "annex.uploadSubmit")}</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
