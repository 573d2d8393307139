// Protokoll in production: Azure Bot (Teams channel), App Service (Linux, Node 24 LTS, ≥ 2 instances),
// PostgreSQL Flexible Server 16, Key Vault (RBAC) and Application Insights on Log Analytics.
// Deploy by hand: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json -p …
// (secrets on the command line, never in the parameters file), or with the Microsoft 365 Agents
// Toolkit: m365agents.yml (arm/deploy with infra/main.parameters.m365agents.json). See infra/README.md.
targetScope = 'resourceGroup'

@description('Azure region for everything except the bot (which is global).')
param location string = resourceGroup().location

@description('Name of the web app; the public host becomes <appName>.azurewebsites.net unless customHostname is set.')
@minLength(2)
@maxLength(60)
param appName string

@description('Custom host name already bound to the web app (e.g. protokoll.region.se); empty = <appName>.azurewebsites.net.')
param customHostname string = ''

@description('App Service plan SKU (P0v3 or larger for production; supports several instances and always on).')
param appServiceSku string = 'P0v3'

@description('Number of web app instances (at least 2).')
@minValue(2)
param instanceCount int = 2

@description('Client id of the bot\'s Entra ID app registration (BOT_ID).')
param botAppId string

@description('Client secret of the bot\'s app registration (BOT_PASSWORD); stored in Key Vault.')
@secure()
@minLength(1)
param botPassword string

@description('Entra ID tenant (directory) id of both app registrations.')
param tenantId string = subscription().tenantId

@description('Client id of the tab/Graph Entra ID app (ENTRA_CLIENT_ID); may be the same app as the bot.')
param entraClientId string

@description('Client secret of that app (ENTRA_CLIENT_SECRET); stored in Key Vault.')
@secure()
@minLength(1)
param entraClientSecret string

@description('Azure Bot pricing tier (the Teams channel is a standard channel: F0 is enough).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'protokolladmin'

@description('PostgreSQL administrator password (8–128 characters, three of: upper case, lower case, digits, symbols).')
@secure()
@minLength(8)
param postgresAdminPassword string

@description('PostgreSQL compute SKU and tier.')
param postgresSkuName string = 'Standard_B2s'
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
param postgresStorageGb int = 32

@description('Log level of the server (LOG_LEVEL).')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
param logLevel string = 'info'

@description('Hours before a meeting that the agenda is posted (AGENDA_LEAD_HOURS).')
param agendaLeadHours int = 24

@description('The Teams app id (the manifest id, TEAMS_APP_ID when packaging): links in cards that open the tab name it.')
param teamsAppId string = 'a2e507d8-7080-4473-91d2-d07f5e89a54f'

@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id)
var publicHostname = empty(customHostname) ? '${appName}.azurewebsites.net' : customHostname

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    name: appName
    retentionInDays: logRetentionDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: 'kv${take(replace(appName, '-', ''), 8)}${suffix}'
    tenantId: tenantId
    botPassword: botPassword
    entraClientSecret: entraClientSecret
  }
}

module database 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    name: 'psql-${take(appName, 40)}-${suffix}'
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageGb: postgresStorageGb
    keyVaultName: keyVault.outputs.name
  }
}

module web 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    location: location
    name: appName
    sku: appServiceSku
    instanceCount: instanceCount
    publicBaseUrl: 'https://${publicHostname}'
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    keyVaultName: keyVault.outputs.name
    databaseUrlSecretUri: database.outputs.databaseUrlSecretUri
    botPasswordSecretUri: keyVault.outputs.botPasswordSecretUri
    entraClientSecretSecretUri: keyVault.outputs.entraClientSecretSecretUri
    botAppId: botAppId
    tenantId: tenantId
    entraClientId: entraClientId
    logLevel: logLevel
    agendaLeadHours: agendaLeadHours
    teamsAppId: teamsAppId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${take(appName, 40)}-${suffix}'
    displayName: 'Protokoll'
    sku: botSku
    msaAppId: botAppId
    tenantId: tenantId
    endpoint: 'https://${publicHostname}/api/messages'
    appInsightsInstrumentationKey: monitoring.outputs.appInsightsInstrumentationKey
  }
}

output webAppName string = web.outputs.name
output publicBaseUrl string = 'https://${publicHostname}'
output defaultHostname string = web.outputs.defaultHostname
output keyVaultName string = keyVault.outputs.name
output postgresServer string = database.outputs.fqdn
output botResourceName string = bot.outputs.name

// Read by the Agents Toolkit (arm/deploy writes each output to env/.env.<env> under its own name):
// the zip deploy target, the host of the SSO resource and the app package's base URL.
output AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.id
output PUBLIC_BASE_URL string = 'https://${publicHostname}'
output PUBLIC_HOSTNAME string = publicHostname
