# .NET objects scripts build: Uri, WildcardPattern, String constructors, PSObject wrappers.
# ==== uri-parts
$u = [uri]'https://Contoso.example:8443/a/b%20c?x=1#frag'; $u.Host; $u.Port; $u.LocalPath; $u.PathAndQuery; $u.Fragment; $u.IsDefaultPort; "$u"
# ==== uri-list
[uri]'http://x.com' | Format-List *
# ==== uri-relative
$u = [uri]'nope'; $u.IsAbsoluteUri; $u.OriginalString
# ==== wildcard-pattern-case
$w = [System.Management.Automation.WildcardPattern]::new('a*c'); $w.IsMatch('ABC'); $w.IsMatch('abc')
# ==== wildcard-contains
[WildcardPattern]::ContainsWildcardCharacters('a`*b'); [WildcardPattern]::ContainsWildcardCharacters('a[b')
# ==== string-new-repeat
[string]::new('x', 3); [string]::new([char[]]'hello', 1, 3)
# ==== psobject-base-custom
$o = [pscustomobject]@{a = 1}; $null -eq $o.psobject.BaseObject.a
# ==== ordered-index-position
$o = [ordered]@{b = 'x'; a = 'y'}; $o[1]; $o[5]; $h = @{0 = 'zero'}; $h[0]
# ==== list-fullname
[System.Collections.Generic.List[int]]::new().GetType().FullName
