# Binding-only stub of the ExchangeOnlineManagement module, used ONLY when recording the
# conformance corpus with the reference pwsh. The cmdlets are compiled C#
# (ExchangeOnlineManagement.cs); see MicrosoftTeams.psm1 for how the assembly is found.
$assembly = if ($env:AAPSH_STUB_ASSEMBLIES -and
    (Test-Path -LiteralPath (Join-Path $env:AAPSH_STUB_ASSEMBLIES 'ExchangeOnlineManagement.dll'))) {
    [Reflection.Assembly]::LoadFrom((Join-Path $env:AAPSH_STUB_ASSEMBLIES 'ExchangeOnlineManagement.dll'))
}
else {
    (Add-Type -Path (Join-Path $PSScriptRoot 'ExchangeOnlineManagement.cs') -PassThru)[0].Assembly
}
Import-Module -Assembly $assembly
Export-ModuleMember -Cmdlet *
