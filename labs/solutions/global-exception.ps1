# Reference solution of the lab global-exception.
New-CsApplicationAccessPolicy -Identity AllStaff -AppIds $Scheduler | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName AllStaff -Global
New-CsApplicationAccessPolicy -Identity Recorder -AppIds $Recorder | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Recorder -Identity $Pradeep
New-CsApplicationAccessPolicy -Identity Both -AppIds $Scheduler, $Recorder | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Both -Identity $Adele
