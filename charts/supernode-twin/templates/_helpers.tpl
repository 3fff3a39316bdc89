{{/* Name of the chart, overridable. */}}
{{- define "supernode-twin.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: release-chart, unless the release name already holds the chart name. */}}
{{- define "supernode-twin.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "supernode-twin.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "supernode-twin.selectorLabels" -}}
app.kubernetes.io/name: {{ include "supernode-twin.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "supernode-twin.labels" -}}
helm.sh/chart: {{ include "supernode-twin.chart" . }}
{{ include "supernode-twin.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- if include "supernode-twin.singleSupernode" . }}
supernode-twin/supernode: {{ .Values.supernode.id | quote }}
{{- end }}
{{- end }}

{{/* "true" when supernode.id is one id (not "*", not a list): only then is it a label value. */}}
{{- define "supernode-twin.singleSupernode" -}}
{{- if and (ne .Values.supernode.id "*") (not (contains "," .Values.supernode.id)) }}true{{ end }}
{{- end }}

{{/* The receivers file text: the one given whole, else one Alertmanager receiver, else none. */}}
{{- define "supernode-twin.receivers" -}}
{{- if .Values.notifications.receivers }}
{{- .Values.notifications.receivers }}
{{- else if .Values.notifications.alertmanagerUrl }}
{{- if .Values.notifications.dashboardUrl }}
dashboard_url: {{ .Values.notifications.dashboardUrl | quote }}
{{- end }}
receivers:
  - name: alertmanager
    alertmanager:
      url: {{ .Values.notifications.alertmanagerUrl | quote }}
      resend: {{ .Values.notifications.resend | quote }}
{{- end }}
{{- end }}

{{/* Whether the ConfigMap has anything to hold. */}}
{{- define "supernode-twin.hasConfig" -}}
{{- if or .Values.supernode.topology .Values.supernode.topologies .Values.rules (include "supernode-twin.receivers" .) }}true{{ end }}
{{- end }}

{{/* Name of the Secret with users.yaml, empty when there are no users. */}}
{{- define "supernode-twin.usersSecret" -}}
{{- if .Values.users.existingSecret }}
{{- .Values.users.existingSecret }}
{{- else if .Values.users.content }}
{{- printf "%s-users" (include "supernode-twin.fullname" .) }}
{{- end }}
{{- end }}
