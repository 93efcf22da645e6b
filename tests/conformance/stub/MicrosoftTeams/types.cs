namespace Microsoft.Rtc.Management.Xds {
    public class XdsIdentity {
        private readonly string value;
        public XdsIdentity(string value) { this.value = value; }
        public override string ToString() { return value; }
    }
}
namespace Microsoft.Rtc.Management.AD {
    public class UserIdParameter {
        private readonly string value;
        public UserIdParameter(string value) { this.value = value; }
        public override string ToString() { return value; }
    }
}
namespace Microsoft.TeamsCmdlets.Powershell.Connect.Common {
    public enum LogLevel { Info, Error, Warning, None }
}
// ExchangeOnlineManagement stub (stub/ExchangeOnlineManagement): the enum parameter types its
// functions declare, compiled in the same assembly so the recorder compiles once.
namespace Microsoft.Exchange.Data.Directory.SystemConfiguration {
    public enum ApplicationAccessPolicyRight { RestrictAccess, DenyAccess }
}
namespace Microsoft.Exchange.Management.RestApiClient {
    public enum ExchangeEnvironment { O365Default, O365GermanyCloud, O365China, O365USGovGCCHigh, O365USGovDoD }
}
namespace Microsoft.Exchange.Data.Directory.Management {
    public enum GroupType { Distribution, Security }
}
