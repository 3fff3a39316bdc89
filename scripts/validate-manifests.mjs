#!/usr/bin/env node
// Validates rendered Kubernetes manifests offline: for every document of every file given, the
// kubernetes-models class of its apiVersion/kind is instantiated and validate() checks it against
// the Kubernetes OpenAPI schema. Exits 1, naming each bad document, when any fails or is of a kind
// with no model. It also checks what the schema cannot: an env value's $(NAME) reference must name a
// variable defined EARLIER in the same container's env (else Kubernetes leaves the text as it is, e.g.
// an advertised address of "http://$(POD_IP):8080/"). Usage: NODE_MODULES_DIR=DIR node scripts/validate-manifests.mjs FILE...
// (DIR holds kubernetes-models and yaml; scripts/validate-deploy.sh installs them into its cache.)
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const modulesDir = process.env.NODE_MODULES_DIR;
if (!modulesDir) {
  console.error("validate-manifests: set NODE_MODULES_DIR to the folder holding kubernetes-models and yaml");
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modulesDir), "noop.js"));
const YAML = require("yaml");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("validate-manifests: no file given");
  process.exit(2);
}

function modelFor(apiVersion, kind) {
  // "v1" -> kubernetes-models/v1/Kind; "apps/v1" -> kubernetes-models/apps/v1/Kind
  if (!/^[a-z0-9.-]+(\/[a-z0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  try {
    const mod = require(`kubernetes-models/${apiVersion}/${kind}`);
    return mod[kind] ?? mod.default ?? null;
  } catch {
    return null;
  }
}

// The containers of a workload's pod template (Deployment, StatefulSet, ...) or of a Pod.
function containersOf(obj) {
  const spec = obj.kind === "Pod" ? obj.spec : obj.spec?.template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

// Every $(NAME) in env values that names no variable defined before it; $$(NAME) is an escape.
function unresolvedEnvRefs(obj) {
  const problems = [];
  for (const c of containersOf(obj)) {
    const defined = new Set();
    for (const e of c.env ?? []) {
      for (const m of String(e.value ?? "").matchAll(/(\$+)\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
        if (m[1].length % 2 === 1 && !defined.has(m[2])) {
          problems.push(`container ${c.name}: env ${e.name} refers to $(${m[2]}), not defined before it`);
        }
      }
      defined.add(e.name);
    }
  }
  return problems;
}

let checked = 0;
const failures = [];
for (const file of files) {
  const docs = YAML.parseAllDocuments(readFileSync(file, "utf8"));
  docs.forEach((doc, i) => {
    const where = `${file} document ${i + 1}`;
    if (doc.errors.length) {
      failures.push(`${where}: YAML: ${doc.errors.map(e => e.message).join("; ")}`);
      return;
    }
    const obj = doc.toJS();
    if (obj == null) return; // empty document (e.g. a template rendered to nothing)
    const { apiVersion, kind } = obj;
    const name = `${kind ?? "?"}/${obj.metadata?.name ?? "?"}`;
    const Model = typeof apiVersion === "string" && typeof kind === "string" ? modelFor(apiVersion, kind) : null;
    if (!Model) {
      failures.push(`${where} (${name}): no model for apiVersion=${apiVersion} kind=${kind}`);
      return;
    }
    try {
      new Model(obj).validate();
      const refs = unresolvedEnvRefs(obj);
      if (refs.length) {
        failures.push(`${where} (${name}): ${refs.join("; ")}`);
        return;
      }
      checked++;
      console.log(`  ok  ${apiVersion} ${name}`);
    } catch (e) {
      const details = Array.isArray(e.errors)
        ? e.errors.map(x => `${x.instancePath || x.dataPath || "/"} ${x.message}`).join("; ")
        : e.message;
      failures.push(`${where} (${name}): ${details}`);
    }
  });
}

for (const f of failures) console.error(`  FAIL ${f}`);
console.log(`validate-manifests: ${checked} valid, ${failures.length} invalid`);
process.exit(failures.length ? 1 : checked ? 0 : 1);
