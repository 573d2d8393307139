// App Service plan (Linux) + web app (Node 24 LTS) with a system-assigned identity that may read
// Key Vault secrets; every variable the server reads (bot/src/config.ts) is an app setting, the
// secrets as Key Vault references.
param location string
param name string
param sku string
param instanceCount int
param publicBaseUrl string
param appInsightsConnectionString string
param logAnalyticsWorkspaceId string
param keyVaultName string
param databaseUrlSecretUri string
param botPasswordSecretUri string
param entraClientSecretSecretUri string
param botAppId string
param tenantId string
param entraClientId string
param logLevel string
param agendaLeadHours int
param teamsAppId string

var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6' // built-in "Key Vault Secrets User"

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${name}'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/bot/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // --- Server (PORT is set by App Service itself)
        { name: 'APP_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        // Production always signs the tab in with Entra ID: never the development user.
        { name: 'ALLOW_DEVELOPMENT_USER', value: '0' }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'PUBLIC_BASE_URL', value: publicBaseUrl }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'SHUTDOWN_GRACE_MS', value: '10000' }
        // --- Limits (README, "Säkerhet"): outbound timeouts in ms, rate limits per minute
        { name: 'ENTRA_KEYS_TIMEOUT_MS', value: '5000' }
        { name: 'GRAPH_TIMEOUT_MS', value: '30000' }
        { name: 'BOT_CONNECTOR_TIMEOUT_MS', value: '15000' }
        { name: 'COMMANDS_PER_MINUTE', value: '60' }
        { name: 'API_CALLS_PER_MINUTE', value: '300' }
        // --- Database
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecretUri})' }
        { name: 'DATABASE_SCHEMA', value: 'public' }
        { name: 'DATA_DIR', value: '/home/data' }
        // --- Bot Framework
        { name: 'BOT_ID', value: botAppId }
        { name: 'BOT_PASSWORD', value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})' }
        { name: 'BOT_APP_TYPE', value: 'SingleTenant' }
        { name: 'BOT_TENANT_ID', value: tenantId }
        { name: 'BOT_OPENID_METADATA_URL', value: '' }
        { name: 'BOT_TOKEN_ISSUER', value: '' }
        { name: 'BOT_OAUTH_ENDPOINT', value: '' }
        // empty: every serviceUrl the Bot Framework token vouches for (see .env.example)
        { name: 'ALLOWED_SERVICE_URLS', value: '' }
        // --- Entra ID (tab SSO, Microsoft Graph)
        { name: 'ENTRA_CLIENT_ID', value: entraClientId }
        { name: 'ENTRA_TENANT_ID', value: tenantId }
        { name: 'ENTRA_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=${entraClientSecretSecretUri})' }
        { name: 'ENTRA_AUDIENCE', value: '' }
        { name: 'ENTRA_AUTHORITY', value: '' }
        { name: 'GRAPH_BASE_URL', value: '' }
        // a certificate (PEM with key) instead of the secret for Graph sign-in; empty: the secret
        { name: 'ENTRA_CERTIFICATE_PATH', value: '' }
        // --- Meetings
        { name: 'AGENDA_LEAD_HOURS', value: string(agendaLeadHours) }
        { name: 'SCHEDULER_INTERVAL_SECONDS', value: '300' }
        // development only; the server refuses it in production
        { name: 'LOCAL_CALENDAR_FILE', value: '' }
        // --- Platform
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '5' }
      ]
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, site.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [
      { category: 'AllMetrics', enabled: true }
    ]
  }
}

output id string = site.id
output name string = site.name
output defaultHostname string = site.properties.defaultHostName
output principalId string = site.identity.principalId
