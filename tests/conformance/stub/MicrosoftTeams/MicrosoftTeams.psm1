# Binding-only stub of the MicrosoftTeams module, used ONLY when recording the conformance corpus
# with the reference pwsh. The cmdlets are compiled C# (MicrosoftTeams.cs: PSCmdlet classes that
# declare the parameters and do nothing), so pwsh binds them as it binds the real module's
# compiled cmdlets. The recorder compiles the source once per run and names the folder holding
# the assembly in AAPSH_STUB_ASSEMBLIES (compiling in every case costs seconds); without it the
# source is compiled here.
$assembly = if ($env:AAPSH_STUB_ASSEMBLIES -and
    (Test-Path -LiteralPath (Join-Path $env:AAPSH_STUB_ASSEMBLIES 'MicrosoftTeams.dll'))) {
    [Reflection.Assembly]::LoadFrom((Join-Path $env:AAPSH_STUB_ASSEMBLIES 'MicrosoftTeams.dll'))
}
else {
    (Add-Type -Path (Join-Path $PSScriptRoot 'MicrosoftTeams.cs') -PassThru)[0].Assembly
}
Import-Module -Assembly $assembly
Export-ModuleMember -Cmdlet *
