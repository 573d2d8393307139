// Key Vault with RBAC authorization (no access policies) and the app's two client secrets.
// The database secret (`database-url`) is written by postgres.bicep.
param location string
@maxLength(24)
param name string
param tenantId string

@description('BOT_PASSWORD: client secret of the bot\'s app registration.')
@secure()
param botPassword string

@description('ENTRA_CLIENT_SECRET: client secret of the tab/Graph app registration.')
@secure()
param entraClientSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botPassword
    contentType: 'text/plain'
  }
}

resource entraClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'entra-client-secret'
  properties: {
    value: entraClientSecret
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
// Versionless URIs: the web app reads the newest version of each secret.
output botPasswordSecretUri string = botPasswordSecret.properties.secretUri
output entraClientSecretSecretUri string = entraClientSecretSecret.properties.secretUri
