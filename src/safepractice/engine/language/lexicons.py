"""Word lists behind the rules. Kept as data in code: small, reviewed, versioned.

Entries are normalised (lower case, no accents). Multi-word entries match on token runs.
"""


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# General profanity: offensive in a staff post, not aimed at anyone by itself.
PROFANITY = _wordset(
    "fuck fucks fucked fucking fucker fuckers motherfucker motherfucking fuckin fck fk fkn "
    "fcking fuk fukin effing shit shits shitty shite bullshit shitting crap crappy bollocks "
    "piss pissing arse arses arsehole arseholes ass asses asshole assholes bastard "
    "bastards bitch bitches bitching cunt cunts dick dicks cock cocks twat twats wanker "
    "wankers wank tosser tossers prick pricks bellend bellends knobhead knobheads slag slags "
    "slut sluts whore whores goddamn sodding sod bugger buggered feck jerkoff "
    "dickhead dickheads shithead shitheads douche douchebag dipshit dumbass jackass "
    "nob nobhead minger"
)

# Insults: words that demean a person when aimed at one.
INSULTS = _wordset(
    "idiot idiots idiotic moron morons moronic stupid dumb imbecile imbeciles cretin cretins "
    "pillock pillocks plonker muppet muppets numpty numpties loser losers scum scumbag "
    "scumbags pathetic useless clown clowns dimwit halfwit dunce fool fools foolish "
    "ignorant creep creepy weirdo freak freaks nutter nutjob psycho lowlife worthless "
    "disgusting vile repulsive ugly hideous fat gobshite cow sleazebag sleaze jerk jerks "
    "incompetent brainless thick clueless tramp trash garbage rubbish pig pigs snake "
    "parasite parasites leech liar liars hypocrite hypocrites coward cowards traitor "
    "traitors git gits prat prats twit twits berk berks wazzock knob knobs weasel weasels "
    "lowlifes alky alkie scrote scrotes tosspot witch witches spineless smarmy gutless"
)
# Insult words that are ordinary English in school posts unless aimed at someone.
WEAK_INSULTS = _wordset(
    "cow pig pigs snake fat thick trash garbage rubbish useless fool tramp ugly creepy "
    "freak freaks disgusting vile stupid dumb pathetic clown clowns ignorant knob knobs "
    "witch witches weasel weasels spineless smarmy gutless"
)

# Harmless phrases that contain strong words ("killing it at sports day").
BENIGN_PHRASES = (
    "killing it", "killed it", "smashing it", "smashed it", "nailed it", "crushing it",
    "bloody brilliant", "bloody marvellous", "bloody hot", "bloody cold", "dying to",
    "dying laughing", "to die for", "sick of the rain", "shooting star", "photo shoot",
    "shoot hoops", "shooting practice", "bad ass", "kick ass", "pig out", "guinea pig",
    "pigs in blankets", "three little pigs", "peppa pig", "cow parsley", "dairy cow",
    "mad hatter", "fancy dress", "hell of a", "cock-a-doodle", "woodcock", "peacock",
    "shuttlecock", "cocktail", "scunthorpe", "dickens", "moby dick", "spotted dick",
    "great tit", "blue tit", "tits and", "knob of butter", "bitter", "sussex", "hit me up",
    "killer sudoku", "killing me", "pussy willow", "dick whittington", "dick turpin",
    "cock inn", "idiot-proof", "idiot proof", "brain fart", "penistone", "cockermouth",
)

# Slurs by protected characteristic (Equality Act 2010 names).
SLURS: dict[str, str] = {}
for _characteristic, _words in {
    "race": "nigger niggers nigga niggas negro negroes paki pakis chink chinks gook gooks "
    "spic spics wetback wetbacks coon coons wog wogs golliwog gypo gyppo gyppos pikey "
    "pikeys sambo darkie darkies beaner beaners jigaboo porch-monkey junglebunny "
    "sandnigger raghead ragheads towelhead towelheads chinky slope slopes",
    "religion or belief": "kike kikes yid yids muzzie muzzies mozzie mozzies heeb hebe "
    "christkiller taig taigs",
    "sexual orientation": "faggot faggots fag fags dyke dykes poof poofs poofter poofters "
    "homo homos queer queers lezza lezzas lesbo lesbos battyboy bender benders "
    "shirtlifter shirtlifters",
    "gender reassignment": "tranny trannies shemale shemales he-she ladyboy ladyboys "
    "trannie tr4nny",
    "disability": "retard retards retarded spastic spastics spaz spazz spacker mong mongs "
    "mongoloid cripple cripples windowlicker",
    "sex": "bitch bitches slut sluts whore whores skank skanks",
    "age": "coffin-dodger coffin-dodgers crone",
}.items():
    for _word in _words.split():
        SLURS[_word] = _characteristic

# Slur words with an ordinary meaning: only slurs when aimed at people.
SLUR_HOMONYMS: dict[str, tuple[str, ...]] = {
    "fag": ("a fag", "fag break", "smoke", "cigarette", "packet of", "ciggie", "lighter"),
    "fags": ("packet of", "smoke", "cigarettes", "fags and"),
    "faggot": ("peas", "gravy", "mash", "onion", "butcher", "dinner", "tea", "meatball"),
    "faggots": ("peas", "gravy", "mash", "onion", "butcher", "dinner", "tea", "meatball"),
    "bender": ("on a bender", "went on a", "weekend", "drinking", "bender for", "pipe"),
    "benders": ("drinking",),
    "homo": ("homo sapiens", "homo erectus", "homo habilis", "homo neanderthalensis"),
    "coon": ("maine coon", "raccoon", "cheese"),
    "queer": ("queer street", "queer as folk"),
    "slope": ("slope", "ski", "hill", "gradient", "steep", "roof"),
    "slopes": ("ski", "hill", "the slopes", "steep", "gradient"),
    "crone": ("witch", "fairy tale", "story", "costume"),
    "mong": (),
    "cripple": ("crippled by", "cripple the", "crippling"),
    "spastic": (),
    "whore": (),
}

# Reclaimed terms: used by a member of the group about themselves, not hate.
RECLAIMABLE = _wordset(
    "queer queers dyke dykes nigga niggas bitch bitches slut sluts fag fags crip"
)
FIRST_PERSON_CLAIM = (
    "i'm a", "im a", "i am a", "i'm", "i am", "we're", "we are", "us", "proud", "as a",
    "fellow", "my fellow", "me and my", "our", "and proud", "queer community", "queer pride",
)

# Group words by characteristic. The finding names the characteristic.
IDENTITIES: dict[str, str] = {}
for _characteristic, _phrases in {
    "race": "black people|blacks|black men|black women|black folk|africans|asians|indians|"
    "pakistanis|chinese people|chinese|arabs|immigrants|migrants|refugees|asylum seekers|"
    "foreigners|poles|polish people|romanians|gypsies|travellers|roma|mexicans|"
    "white people|whites|ethnic minorities|people of colour|brown people|eastern europeans|"
    "bangladeshis|somalis|nigerians|jamaicans|irish people|"
    "scots|welsh people|english people|latinos|hispanics|aboriginals|natives",
    "religion or belief": "muslims|moslems|islam|jews|jewish people|christians|catholics|"
    "protestants|hindus|sikhs|buddhists|atheists|mormons|jehovah's witnesses|"
    "muslim women|muslim men|the jews",
    "sex": "women|woman|girls|females|ladies|wives|mothers|men|males|blokes",
    "sexual orientation": "gay people|gays|gay men|lesbians|homosexuals|bisexuals|"
    "bisexual people|gay couples|lgbt people|lgbtq people|queer people|the gays",
    "gender reassignment": "trans people|transgender people|trans women|trans men|"
    "transwomen|transmen|transsexuals|transgenders|non-binary people|trans kids|"
    "trans folk|enbies",
    "disability": "disabled people|the disabled|disabled kids|disabled children|"
    "autistic people|autistics|deaf people|blind people|wheelchair users|"
    "people with down's syndrome|people with downs syndrome|people with disabilities|"
    "people with learning disabilities|the mentally ill|mentally ill people|"
    "dyslexics|people with adhd|sen kids|send kids|the sen kids|kids in wheelchairs|"
    "people in wheelchairs|children in wheelchairs|adhd kids|autistic kids",
    "age": "old people|the elderly|elderly people|pensioners|oaps|boomers|old folk|"
    "young people|teenagers|millennials|older people|older teachers|old teachers|"
    "older staff|old staff|older colleagues|older women|older men",
    "pregnancy and maternity": "pregnant women|pregnant teachers|pregnant staff|"
    "pregnant people|new mums|new mothers|breastfeeding mothers|mums on maternity leave|"
    "women on maternity leave|people on maternity leave|mothers on maternity",
    "marriage and civil partnership": "married people|married women|civil partners|"
    "people in civil partnerships|married couples",
}.items():
    for _phrase in _phrases.split("|"):
        IDENTITIES[_phrase] = _characteristic
# Singular adjectives that make a group in "a <identity> person" or "<identity> <noun>".
IDENTITY_ADJECTIVES: dict[str, str] = {
    "black": "race", "asian": "race", "indian": "race", "pakistani": "race",
    "african": "race", "chinese": "race", "polish": "race", "romanian": "race",
    "immigrant": "race", "foreign": "race", "arab": "race", "mexican": "race",
    "muslim": "religion or belief", "jewish": "religion or belief",
    "christian": "religion or belief", "catholic": "religion or belief",
    "hindu": "religion or belief", "sikh": "religion or belief",
    "gay": "sexual orientation", "lesbian": "sexual orientation",
    "bisexual": "sexual orientation", "homosexual": "sexual orientation",
    "trans": "gender reassignment", "transgender": "gender reassignment",
    "disabled": "disability", "autistic": "disability", "deaf": "disability",
    "blind": "disability", "pregnant": "pregnancy and maternity",
    "female": "sex", "male": "sex", "elderly": "age", "old": "age",
}
# Nouns and cue words that say which characteristic a statement is about, beside the
# adjectives above ("typical jew", "stop hiring women her age", "too many headscarves").
CHARACTERISTIC_WORDS: dict[str, str] = {
    "jew": "religion or belief", "moslem": "religion or belief",
    "headscarf": "religion or belief", "headscarves": "religion or belief",
    "hijab": "religion or belief", "mosque": "religion or belief",
    "synagogue": "religion or belief", "temple": "religion or belief",
    "burka": "religion or belief", "burqa": "religion or belief", "turban": "religion or belief",
    "woman": "sex", "women": "sex", "man": "sex", "feminist": "sex",
    "pensioner": "age", "oap": "age", "boomer": "age", "her age": "age", "his age": "age",
    "that age": "age", "too old": "age", "over": "age",
    "maternity": "pregnancy and maternity", "married": "marriage and civil partnership",
    "wheelchair": "disability",
}
# Nouns an identity adjective can qualify into a group ("gay teachers", "muslim parents").
GROUP_NOUNS = (
    "people|person|folk|men|women|man|woman|kids|children|child|pupils|parents|teachers|"
    "staff|colleagues|families|neighbours|community|communities|guys|girls|boys|lads"
)

# What hate says about a group.
DEROGATORY_PREDICATES = (
    "disgusting|vile|filthy|dirty|scum|scumbags|inferior|subhuman|sub-human|worthless|"
    "evil|a plague|a cancer|a disease|a virus|a disgrace|an abomination|abominations|"
    "unnatural|sick|perverts|perverted|paedos|paedophiles|pedos|groomers|rapists|criminals|"
    "terrorists|thieves|savages|primitive|backward|trash|garbage|rubbish|pathetic|useless|"
    "lazy|stupid|thick|idiots|morons|retarded|freaks|a joke|mentally ill|deluded|"
    "dangerous|a threat|a burden|scroungers|spongers|leeches|parasites|beneath us|"
    "not human|less than human|not real women|not real men|not women|not men|"
    "ruining this country|ruining everything|the problem|the worst|a waste of space|"
    "a waste of oxygen|vermin|pests|a stain|repulsive|revolting|gross|hideous|ugly|"
    "all the same|all liars|all thieves|can't be trusted|cannot be trusted|"
    "shouldn't be allowed|should not be allowed|don't belong|do not belong|"
    "should go back|should be banned|have no place|are taking over|"
    "dead weight|dead wood|past it|a liability|liabilities|a nightmare|a drain|"
    "a pain|more trouble than they're worth|always the trouble"
)
DEHUMANISING = (
    "rats|vermin|cockroaches|roaches|animals|apes|monkeys|pigs|dogs|insects|parasites|"
    "leeches|locusts|maggots|a virus|a plague|a cancer|a disease|an infestation|"
    "a swarm|savages|beasts|subhuman|sub-human|creatures|filth|trash|garbage|lice|"
    "snakes|swine|rodents|worms|germs|bacteria"
)
HATE_VERBS = (
    "hate|despise|detest|loathe|can't stand|cannot stand|can't bear|am sick of|"
    "i'm sick of|sick of|fed up with|are disgusted by|am disgusted by|"
    "fuck|fuck all|fuck off all|screw|screw all|down with|death to|to hell with"
)
VIOLENCE = (
    "kill|killed|murder|murdered|shoot|shot|hang|hanged|hung|lynch|lynched|burn|burned|"
    "burnt|gas|gassed|exterminate|exterminated|eradicate|eradicated|wipe out|wiped out|"
    "get rid of|got rid of|deport|deported|lock up|locked up|beat up|beaten up|"
    "string up|strung up|stone|stoned|bomb|bombed|slaughter|slaughtered|cull|culled|"
    "sterilise|sterilised|sterilize|sterilized|put down|hurt|punch|punched|stab|stabbed|"
    "drown|drowned|castrate|castrated|eliminate|eliminated|purge|purged|round up|rounded up|"
    "ban|banned|expel|expelled|remove|removed|kick out|kicked out|throw out|thrown out"
)
THREAT_LEADS = (
    "i will|i'll|i'm going to|im going to|i am going to|i'm gonna|im gonna|we will|we'll|"
    "we're going to|we should|someone should|somebody should|you should|let's|lets|"
    "i want to|i'd love to|i would love to|i would happily|i'd happily|i could|we need to|"
    "time to|it's time to|go and|i'd|i would"
)

NEGATORS = _wordset(
    "not no never n't dont don't doesn't didn't isn't aren't wasn't weren't won't wouldn't "
    "shouldn't can't cannot nobody nothing neither nor without hardly"
)

# Counter-speech: reporting or condemning someone else's hate.
SPEECH_WORDS = (
    "say|says|said|saying|call|calls|called|calling|tweet|tweeted|post|posted|write|wrote|"
    "written|shout|shouted|shouting|chant|chanted|claim|claims|claimed|comment|comments|"
    "statement|statements|words|language|rhetoric|slur|slurs|told|tell|telling|think that|"
    "believe that|thinks|believes|quote|graffiti|sign|banner|abuse|message|messages|"
    "heard|hear|rant|saying that|phrase|joke|jokes|meme"
)
CONDEMNATION = (
    "unacceptable|wrong|hateful|hate speech|racist|racism|bigoted|bigotry|bigot|bigots|"
    "homophobic|homophobia|transphobic|transphobia|sexist|sexism|misogynist|misogyny|"
    "ableist|ableism|antisemitic|antisemitism|islamophobic|islamophobia|xenophobic|"
    "not ok|not okay|never ok|never okay|ashamed|shameful|shame on|condemn|condemned|"
    "reported|report it|challenge|challenged|stand against|stand up to|no place for|"
    "has no place|have no place|hurtful|appalling|horrified|horrifying|sickening|"
    "sickened|disgraceful|out of order|stop saying|stop calling|how dare|won't tolerate|"
    "will not tolerate|zero tolerance|not acceptable|is disgusting|was disgusting|"
    "are disgusting|is vile|was vile|it's vile|it's disgusting|that's disgusting|"
    "that's vile|offensive|deeply upsetting|upsetting"
)

# Second person and other markers of an insult aimed at someone.
TARGET_WORDS = _wordset(
    "you you're youre ur u your yourself ya he's she's he she him her they're his "
    "@user"
)

# Capitalised words that start sentences or name things, not people (allegations look for a
# name just before an accusation: "Dylan steals from the tuck shop").
NOT_A_NAME = _wordset(
    "I I'm I've I'd The This That These Those It It's He She They We You Apparently Honestly "
    "Seriously Literally Basically Pretty Everyone Someone Somebody Nobody Everybody Just So "
    "And But Also Well Sorry Yes No Not Oh Ha Lol Omg Wow Today Yesterday Tonight Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Mum Dad Nan Grandad God Jesus Christmas "
    "Easter Tesco Asda Aldi Lidl Sainsbury's Google Facebook Instagram Twitter Who What Why "
    "When Where How Reckon Think Heard Guess Surely Clearly Obviously Definitely Maybe Perhaps "
    "Still Again Never Always Really Totally Absolutely Imagine Rumour Word News Our My Your "
    "His Her Their Sir Miss"
)
