# [ipaddress] (System.Net.IPAddress): parsing, printing, properties, statics and errors.
# ==== ipv4-list
[ipaddress]'10.0.0.1'
# ==== ipv4-members
$ip = [ipaddress]'10.0.0.1'
$ip.ToString(); "$ip"; $ip.AddressFamily; $ip.GetType().FullName; $ip.Address; $ip.IPAddressToString
# ==== ipv4-bytes
([ipaddress]'192.168.1.20').GetAddressBytes() -join '.'
# ==== ipv4-short-forms
[ipaddress]'1.2.3' | ForEach-Object ToString; [ipaddress]'1' | ForEach-Object ToString; [ipaddress]'0x7f.1' | ForEach-Object ToString
# ==== ipv6-list
[ipaddress]'fe80::1%3'
# ==== ipv6-compressed
([ipaddress]'2001:0db8:0000:0000:0000:0000:0000:0001').ToString(); ([ipaddress]'::ffff:10.0.0.1').IsIPv4MappedToIPv6
# ==== ipv6-flags
$a = [ipaddress]'ff02::1'; $a.IsIPv6Multicast; ([ipaddress]'fd00::5').IsIPv6UniqueLocal; ([ipaddress]'2001:0:4136:e378::1').IsIPv6Teredo
# ==== statics
[ipaddress]::Loopback.ToString(); [ipaddress]::Any.IPAddressToString; [ipaddress]::IPv6Loopback.ToString(); [ipaddress]::Broadcast.ToString()
# ==== parse-static
[ipaddress]::Parse('192.168.1.10').AddressFamily
# ==== parse-static-bad
[ipaddress]::Parse('nope')
# ==== cast-bad
[ipaddress]'bad'
# ==== cast-out-of-range
[ipaddress]'256.1.1.1'
# ==== equality
[ipaddress]'10.0.0.1' -eq [ipaddress]'10.0.0.1'
# ==== is-loopback
[ipaddress]::IsLoopback([ipaddress]'127.0.0.1'); [ipaddress]::IsLoopback([ipaddress]'10.0.0.1')
# ==== param-typed
function f([ipaddress]$a) { $a.AddressFamily }
f '10.1.1.1'; f 'x'
# ==== variable-typed
[ipaddress]$v = '10.0.0.1'; $v.GetType().Name; $v = 'nope'
# ==== accelerator-names
[ipaddress].Name; [ipaddress].FullName; [pscustomobject].FullName
# ==== in-table
[pscustomobject]@{ Name = 'gw'; Ip = [ipaddress]'10.0.0.254' } | Format-Table
