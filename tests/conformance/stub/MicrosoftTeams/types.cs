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
