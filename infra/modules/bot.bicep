// Azure Bot (single tenant) pointing at the web app, with the Microsoft Teams channel.
param name string
param displayName string
param sku string
param msaAppId string
param tenantId string
param endpoint string
param appInsightsInstrumentationKey string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: msaAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    developerAppInsightKey: appInsightsInstrumentationKey
    disableLocalAuth: false
    isStreamingSupported: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      enableCalling: false
    }
  }
}

output name string = bot.name
