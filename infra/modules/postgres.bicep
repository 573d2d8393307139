// Azure Database for PostgreSQL Flexible Server 16 with the database `protokoll`, TLS required,
// reachable from Azure services (App Service without VNet integration). DATABASE_URL is written to
// Key Vault as the secret `database-url`.
param location string
param name string
param adminLogin string
@secure()
param adminPassword string
param skuName string
param skuTier string
param storageGb int
param keyVaultName string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: storageGb
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'protokoll'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [allowAzure] // one change at a time: the server rejects concurrent updates
}

resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'ON'
    source: 'user-override'
  }
}

// 0.0.0.0–0.0.0.0 is Azure's rule for "allow Azure services"; the password and TLS still apply.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [requireTls]
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${uriComponent(adminLogin)}:${uriComponent(adminPassword)}@${server.properties.fullyQualifiedDomainName}:5432/${database.name}?sslmode=require'
    contentType: 'text/plain'
  }
}

output fqdn string = server.properties.fullyQualifiedDomainName
output databaseUrlSecretUri string = databaseUrl.properties.secretUri
