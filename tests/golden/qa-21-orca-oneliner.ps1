# The TypeScript provisioning code runs the lines below with: pwsh -NoProfile -Command "<lines joined by '; '>"
