# Get-Member on generic collections reads the recorded type table (tests/record/dotnet-members.ps1).
# ==== list-int-members
$l = [System.Collections.Generic.List[int]]::new(); Get-Member -InputObject $l -MemberType Method | Select-Object -First 6
# ==== dictionary-members
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); Get-Member -InputObject $d -Name Add, TryGetValue, Keys
# ==== queue-members
[System.Collections.Generic.Queue[string]]::new() | Get-Member -Name Enqueue, Dequeue
