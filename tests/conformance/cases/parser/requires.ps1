# #requires comments: their format errors (parse time) and the requirements pwsh checks before a
# script file runs (PowerShell version, edition, modules).
# ==== version-satisfied
#requires -Version 7.0
'ran'
# ==== version-current-minor
#Requires -Version 7.6
'ran'
# ==== version-five-one
#requires -Version 5.1
'ran'
# ==== version-minor-too-high
#requires -Version 7.7
'ran'
# ==== version-prefix-name
#requires -v 99
'ran'
# ==== version-four-parts
#requires -Version 8.0.1.2
'ran'
# ==== edition-desktop
#Requires -Version 5.1 -PSEdition Desktop
'ran'
# ==== edition-core
#requires -PSEdition Core
'ran'
# ==== edition-list
#requires -PSEdition Desktop, Core
'ran'
# ==== modules-missing
#requires -Modules NoSuchModule
'ran'
# ==== modules-builtin
#requires -Modules Microsoft.PowerShell.Utility
'ran'
# ==== modules-hashtable-version
#requires -Modules @{ModuleName = 'NoSuchModule'; ModuleVersion = '1.0'}
'ran'
# ==== modules-required-version
#requires -Modules @{ModuleName = 'NoSuchModule'; RequiredVersion = '2.1.0'}
'ran'
# ==== modules-list-first-missing
#requires -Modules Microsoft.PowerShell.Utility, NoSuchModule, Other
'ran'
# ==== modules-hashtable-bad-key
#requires -Modules @{Name = 'x'}
'ran'
# ==== several-lines
#requires -Version 7.0
#requires -Modules NoSuchModule
'ran'
# ==== after-code
'before'
#requires -Version 99
'after'
# ==== inside-function
function f {
  #requires -Version 99
  'in f'
}
f
# ==== not-a-comment
$s = @'
#requires -Version 99
'@
$s
# ==== space-after-hash
# requires -Version 99
'ran'
# ==== bare-requires
#requires
'ran'
# ==== unknown-parameter-with-argument
#requires -Bogus 1
'ran'
# ==== unknown-parameter-alone
#requires -Bogus
'ran'
# ==== positional-argument
#requires 'x'
'ran'
# ==== version-missing-argument
#requires -Version
'ran'
# ==== version-not-a-version
#requires -Version abc
'ran'
# ==== version-not-constant
#requires -Version $x
'ran'
# ==== version-twice
#requires -Version 3 -Version 4
'ran'
# ==== version-twice-same
#requires -Version 3 -Version 3
'ran'
# ==== admin-with-argument
#requires -RunAsAdministrator 1
'ran'
# ==== shellid
#requires -ShellId Foo
'ran'
# ==== nested-call-operator
Set-Content -Path r.ps1 -Value "#requires -Version 99`n'in r'"
'before'; & ./r.ps1; 'after'
# ==== nested-dot-source
Set-Content -Path r.ps1 -Value "#requires -Modules NoSuchModule`n'in r'"
. ./r.ps1; 'after'
# ==== nested-plain-call
Set-Content -Path r.ps1 -Value "#requires -PSEdition Desktop`n'in r'"
./r.ps1; 'after'
# ==== nested-caught
Set-Content -Path r.ps1 -Value "#requires -Version 99`n'in r'"
try { & ./r.ps1 } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
# ==== script-block-not-checked
& ([scriptblock]::Create("#requires -Version 99`n'in block'"))
# ==== invoke-expression-not-checked
Invoke-Expression "#requires -Version 99`n'in iex'"
# ==== invoke-expression-bad-format
Invoke-Expression "#requires -Bogus 1`n'in iex'"
# ==== modules-hashtable-no-name
#requires -Modules @{ModuleVersion = '1.0'}
'ran'
# ==== modules-hashtable-no-version
#requires -Modules @{ModuleName = 'NoSuchModule'}
'ran'
