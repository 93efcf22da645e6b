# ConvertTo-Json edges: Single text, NaN and infinities, DateTime kinds, -EnumsAsStrings, Guid as a pipeline object.
# ==== json-single-values
[float]1.5, [float]3e10, [float]-0.25, [float]2 | ConvertTo-Json -Compress
# ==== json-nonfinite
[float]::NaN, [double]::NegativeInfinity, [double]::PositiveInfinity | ConvertTo-Json -Compress; @{ a = [double]::NaN } | ConvertTo-Json -Compress
# ==== json-date-utc
[datetime]'2024-01-02T03:04:05.5Z' | ConvertTo-Json
# ==== json-date-unspecified-nested
@{ d = [datetime]'2024-01-02T03:04:05' } | ConvertTo-Json -Compress
# ==== json-enums-as-strings
[System.DayOfWeek]::Monday, [System.DayOfWeek]::Friday | ConvertTo-Json -EnumsAsStrings -Compress; @{ d = [System.DayOfWeek]::Monday } | ConvertTo-Json -EnumsAsStrings -Compress
# ==== json-guid-nested
@{ g = [guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' } | ConvertTo-Json -Compress
# ==== json-guid-array
[guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83', [guid]'00000000-0000-0000-0000-000000000001' | ConvertTo-Json -Compress
# ==== json-guid-in-object-in-array
@([pscustomobject]@{ g = [guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' }) | ConvertTo-Json -Compress -AsArray
