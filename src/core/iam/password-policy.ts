/** FeatBit's minimum; leading and trailing whitespace does not count. */
export const MIN_PASSWORD_LENGTH = 8;

// The most common leaked passwords of at least 8 characters (shorter ones fail the length rule);
// compared case-insensitively after trimming.
const COMMON = `
12345678 123456789 1234567890 12345678910 123123123 1234512345 11111111 111111111 1111111111
00000000 000000000 0000000000 88888888 66666666 99999999 22222222 55555555 77777777 12341234
11223344 87654321 98765432 987654321 9876543210 01234567 0123456789 123321123 123454321 11112222
12121212 13131313 14141414 147258369 123698745 147852369 159753123 741852963 789456123 456789123
password password1 password12 password123 password1234 passw0rd p@ssword p@ssw0rd pa55word
passwort motdepasse contraseña senha1234 wachtwoord salasana
qwertyuiop qwerty123 qwerty12 qwerty1234 1qaz2wsx 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y zaq12wsx
qazwsxedc qwe123456 asdfghjkl asdfasdf zxcvbnm1 zxcvbnm123 qweasdzxc 1qazxsw2 q1w2e3r4 q1w2e3r4t5
abcd1234 abc12345 abc123456 abcdefgh abcdefg1 aa123456 a1234567 a12345678 1234qwer 12qwaszx
iloveyou iloveyou1 iloveyou2 princess princess1 sunshine sunshine1 football football1 baseball
basketball superman batman123 starwars pokemon1 whatever trustno1 letmein1 letmein123 welcome1
welcome123 welcome2023 welcome2024 welcome2025 changeme changeme1 changeme123 administrator
admin123 admin1234 admin12345 adminadmin administrator1 rootroot root1234 master123 masterkey
secret123 mypassword default1 guest1234 test1234 testtest testing123 12345qwert qwert12345
computer internet michelle jennifer jessica1 charlie1 jordan23 michael1 thomas123 danielle
liverpool chelsea1 arsenal1 manchester barcelona dragon123 monkey123 shadow12 freedom1 summer2024
butterfly chocolate hello123 hellohello lovelove loveyou1 mustang1 maverick corvette mercedes
anthony1 alexander benjamin elizabeth jonathan christian cookie123 flower123 sweetheart
soccer123 hockey123 tigger123 buster123 snoopy123 ginger123 pepper123 midnight1 computer1
spiderman 1password zxcvbnm12 asdf1234 asdfgh123 qwertyui qwerty12345 aaaaaaaa abcabcabc
featbit123 featbit1234 change-me changeme! password! password01 p4ssw0rd passw0rd1
`;

const COMMON_SET = new Set(COMMON.split(/\s+/).filter(Boolean));

export type PasswordProblem = 'too-short' | 'too-common';

/** Why a chosen password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  const trimmed = password.trim();
  if ([...trimmed].length < MIN_PASSWORD_LENGTH) return 'too-short';
  const folded = trimmed.toLowerCase();
  if (COMMON_SET.has(folded)) return 'too-common';
  // One repeated character (aaaaaaaa, 99999999) or a straight digit run is as weak as a listed one.
  if (/^(.)\1*$/u.test(folded)) return 'too-common';
  return null;
}
