# ruff: noqa: E501
"""Generate the blind held-out set ``contact6.jsonl`` (addresses, dates of birth, contact details).

This is a BLIND held-out evaluation set. It was written without reading the detectors, the
docs, the bench scripts or any other data set. The only project files consulted were the
scoring school (``tests/data/school.toml``: its work email domain and work phone number) and
the rule catalogue (``catalogue.toml``: rule ids and summaries), plus the policy text.

Rules labelled (and only these):
  personal-information.address        street address: house/flat number .. street type word
  personal-information.date-of-birth  the date itself, when stated as a date of birth
  communication.personal-contact      staff member's personal phone/email in a message to a pupil or parent
  communication.request-personal-info asking a pupil for personal details (message to a pupil, or a comment)
Hard negatives cover all four areas. Personal phones/emails appear ONLY in messages to pupils
or parents (so the personal-information.phone/email rules, covered by other sets, never need a
label here). Postcodes, roster pupil/staff names and the local authority are kept out.

Numbers use Ofcom drama ranges; names come from Faker en_GB. Fixed seed: two runs give
identical output.

    .venv/bin/python datasets/heldout/make_blind_contact.py
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

from faker import Faker

SEED = 20250606
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/safepractice/engine/tests/data/heldout/contact6.jsonl"

ADDR = "personal-information.address"
DOB = "personal-information.date-of-birth"
CONTACT = "communication.personal-contact"
REQ = "communication.request-personal-info"

WORK_DOMAIN = "staldhelms.hants.sch.uk"  # school.toml work_email_domains
WORK_PHONES = ["01962 760321", "01962760321", "(01962) 760321", "01962 760 321", "+44 1962 760321"]  # school.toml work number, as people write it

# Roster pupils and staff of the scoring school: never used, so the roster rules stay quiet.
AVOID = {"amelia", "oliver", "zoe", "zoë", "william", "billy", "priya", "callum", "sian", "siân", "sarah", "gareth", "hughes", "nowak", "okafor", "thornbury", "raman", "fitzgerald", "pritchard", "patel", "llewellyn"}

TOWNS = ["Leeds", "Bristol", "Swindon", "Basingstoke", "Andover", "Salisbury", "Bath", "Cardiff", "Swansea", "York", "Harrogate", "Derby", "Norwich", "Ipswich", "Exeter", "Plymouth", "Truro", "Chester", "Preston", "Bolton", "Wigan", "Hull", "Lincoln", "Bedford", "Luton", "Oxford", "Guildford", "Woking", "Crawley", "Brighton", "Worthing", "Poole", "Taunton", "Belfast", "Newport", "Dudley", "Carlisle", "Durham", "Kendal", "Stroud"]
STREET_NAMES = ["Elm", "Station", "Church", "Mill", "Albert", "Victoria", "Beech", "Oakwood", "Highfield", "Manor", "Queen's", "St Mary's", "Westbury", "Hollybush", "Meadow", "Orchard", "Kingfisher", "Chestnut", "Willow", "Rosemary", "Ash", "Holly", "Clarence", "Windsor", "Cromwell", "Nelson", "Primrose", "Bramble", "Foxglove", "Lavender", "Sycamore", "Hawthorn", "Larch", "Grange", "Alexandra", "Wellington", "Greenacre", "Brook", "Rectory", "Fairfield", "Coronation", "Jubilee", "Hazel", "Rowan", "Tudor"]
STREET_TYPES = ["Road", "Road", "Road", "Street", "Street", "Lane", "Avenue", "Close", "Close", "Drive", "Crescent", "Grove", "Terrace", "Way", "Place", "Gardens", "Court", "Mews", "Row", "Walk", "Rise", "Square"]
# Children's names for pupils and parents' children (roster names left out).
KIDS = ["Alfie", "Ava", "Isla", "Freddie", "Poppy", "Harry", "Mia", "Leo", "Evie", "Archie", "Lily", "Noah", "Grace", "Jack", "Ruby", "Theo", "Ella", "Jacob", "Rosie", "Harper", "Arthur", "Florence", "Teddy", "Ivy", "Reggie", "Maisie", "Finley", "Daisy", "Mohammed", "Aisha", "Yusuf", "Maya", "Kai", "Layla", "Ethan", "Sophie", "Dylan", "Millie", "Logan", "Erin", "Oscar", "Phoebe", "Max", "Esme", "Henry", "Matilda", "Louis", "Imogen", "Tommy", "Hallie", "Jayden", "Aria", "Reuben", "Nia", "Kacper", "Zainab"]
ABBREV = {"Road": "Rd", "Street": "St", "Avenue": "Ave"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
EMAIL_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "hotmail.co.uk", "hotmail.com", "icloud.com", "yahoo.co.uk", "outlook.com", "btinternet.com", "live.co.uk", "googlemail.com", "sky.com", "aol.com", "me.com"]

# ---------------------------------------------------------------------------------------------
# Templates. Codes: post, comment, bio, loc (profile:location), and message recipients
# pupil / parent / colleague / public. Labelled slots: {addr} {addr_lc} {dob} {pphone} {pland}
# {pnum} {pemail} {pcontact} {R:phrase}. Unlabelled: {town} {street} {date} {date2} {pdate} {wemail}
# {wphone} {office_email} {org03} {free} {kid} {pupil} {first} {last} {sir} {n} {n3} {m} {price}.
# ---------------------------------------------------------------------------------------------

ADDRESS_POS = [
    ("post", "Moving day!! 📦📦 Keys collected for {addr}, {town} 🏡 housewarming soon, watch this space"),
    ("post", "3rd parcel this week left at the wrong house. I live at {addr} not next door @Evri 😤"),
    ("post", "LOST CAT 😿 ginger tom, answers to Biscuit. Last seen round the back of {addr}. Pls share!!"),
    ("post", "Garage sale Sat from 9am at {addr} - kids bikes, toys, loads of books. Cash only pls"),
    ("post", "Anyone know a decent plumber?? Burst pipe at {addr} and water EVERYWHERE 😭"),
    ("post", "Street party on {street} Sunday! Bunting going up outside {addr} from 10, bring a dish 🇬🇧"),
    ("post", "Bins not emptied at {addr} for three weeks now. Ridiculous."),
    ("post", "Halloween trail is ON 🎃 pumpkins in the window at {addr}, little ones welcome 5-7pm"),
    ("post", "finally finished the front garden at {addr_lc} 🌷 before n after pics below"),
    ("post", "If anyone finds a black lab called Dex he lives at {addr}, {town}. Microchipped, pls bring him home 🐕"),
    ("post", "Secret Santa swap at ours this year - {addr}, 7.30, no excuses 🎅"),
    ("post", "Our little cottage at {addr} is up for rent from August, DM if interested"),
    ("post", "Car's been blocked in outside {addr} since 6am. Whoever owns the silver Corsa, MOVE IT"),
    ("comment", "Come round to ours, we're at {addr} now 🥂"),
    ("comment", "bring it over to {addr_lc} whenever hun x"),
    ("comment", "We've moved! New address is {addr}, {town} 😊 send the card there"),
    ("comment", "It's {addr} - the one with the blue door!"),
    ("comment", "omg thats my old house!! lived at {addr} til 2015"),
    ("bio", "Mum of 3 | gin & gardening 🌸 | 📍{addr}, {town}"),
    ("bio", "Runner, baker, dog dad 🐶 Home: {addr}"),
    ("bio", "{town} born, now at {addr} ☕"),
    ("loc", "{addr}, {town}"),
    ("loc", "{addr}"),
    ("loc", "Home 🏡 {addr}"),
    ("colleague", "Party's at mine Sat - {addr}, from 7ish. Bring a bottle! 🍾"),
    ("colleague", "can u drop the marking off at {addr_lc} on your way home? ta"),
    ("colleague", "Sat nav keeps sending people wrong, it's {addr}, the turning after the Co-op"),
    ("colleague", "Cards for Jan's leaving do can go to mine, {addr}, by Friday"),
    ("colleague", "New address for the Christmas card list: {addr}, {town} 🎄"),
    ("public", "Yes still available. Collection only from {addr} after 5pm"),
    ("public", "I'm interested in the cot - could you deliver to {addr}, {town}?"),
    ("public", "Please can the sofa be delivered to {addr} on Thursday?"),
    ("public", "Reporting a pothole outside {addr} - it's massive, nearly lost a wheel"),
    ("parent", "Happy to give {kid} a lift to the match, we're only round the corner at {addr}"),
    ("parent", "The costumes are ready, you can pick them up from mine, {addr}"),
    ("pupil", "You left your coat at the match, it's at my house, {addr}"),
]

DOB_POS = [
    ("post", "Birthday today!! 🥳🎂 born {dob} and still feel about 21"),
    ("post", "Lost my purse in town 😩 driving licence inside, D.O.B. {dob}, if found pls message"),
    ("post", "Why does every single form want my DOB ({dob}) typed in 3 times?! 🙄"),
    ("post", "Found my old passport lol. Date of birth: {dob}. Hairstyle: questionable 😂"),
    ("post", "Birth certificate finally arrived for the passport 🙌 born {dob}, in black and white. Feeling old"),
    ("post", "Big birthday this week 👀 I was born on {dob}, you do the maths"),
    ("comment", "Ha birthday twins!! my DOB is {dob} too 😂"),
    ("comment", "my birthday is {dob} so yes I'm older than you lol"),
    ("comment", "Born {dob} at the old General, same as half of {town}"),
    ("comment", "Mine's {dob}, told you I was older 🙈 date of birth doesn't lie"),
    ("bio", "b. {dob} | {town} | coffee & crosswords"),
    ("bio", "🎂 {dob} | dog mum | views my own"),
    ("bio", "Born {dob} 🏴 · rugby · real ale"),
    ("bio", "DOB {dob} | tea > coffee | {town}"),
    ("colleague", "For the residential insurance they need my DOB: {dob}. Cheers"),
    ("colleague", "for the CPD booking - Kath Foster, date of birth {dob}, veggie option pls"),
    ("colleague", "It should be on my form already? DOB {dob}"),
    ("public", "Booking the spa day for me - name J. Hart, date of birth {dob}"),
    ("public", "Renewing my gym membership, my D.O.B is {dob}, member no. 4471"),
    ("public", "My date of birth is {dob} if you need it to find my account"),
    ("parent", "Ha, {kid} and I share a birthday! I was born {dob} 🎂"),
]

CONTACT_PUPIL = [
    ("pupil", "If you get stuck with the revision just text me on {pphone} 👍"),
    ("pupil", "My mobile is {pphone} - message me when you're home safe after the trip"),
    ("pupil", "Here's my personal email for your coursework drafts: {pemail}"),
    ("pupil", "send it to {pemail} and I'll have a look tonight"),
    ("pupil", "ring me on {pnum} if the minibus is running late"),
    ("pupil", "You can email me at home - {pemail}"),
    ("pupil", "drop me a msg on whatsapp {pphone} if ur coming to training"),
    ("pupil", "Can't get on Google Classroom? email it to {pemail} instead"),
    ("pupil", "my home number is {pland} if you need help with the project over half term"),
    ("pupil", "Any probs with your lines for the play, call me {pnum} 🎭"),
    ("pupil", "This is my own number btw {pphone}, save it"),
    ("pupil", "Message me on {pphone} with your score when you've done the quiz"),
    ("pupil", "Well done today!! Any questions just ping me at {pemail}"),
    ("pupil", "Snapchat's blocked for me so text me {pphone} instead"),
    ("pupil", "if u need to talk my number's {pnum} 🙂"),
    ("pupil", "Pics from the match are on my laptop, email {pemail} and I'll send them"),
    ("pupil", "You can FaceTime me on {pphone} for help with the maths"),
    ("pupil", "Forgot to say - best way to reach me over the hols is {pcontact}"),
]

CONTACT_PARENT = [
    ("parent", "easiest to get me on my mobile {pphone} 😊"),
    ("parent", "Happy to chat about {kid}'s reading, call me on {pnum} after 6"),
    ("parent", "Please send the forms to my own email {pemail}, the school one is playing up"),
    ("parent", "No worries at all! My personal email is {pemail}"),
    ("parent", "Text me on {pphone} when you're outside and I'll bring {kid} out"),
    ("parent", "Our home phone is {pland}, ring anytime this weekend"),
    ("parent", "tbh it's quicker to whatsapp me - {pphone}"),
    ("parent", "For the party I'm on {pphone} or {pemail}"),
    ("parent", "If {kid}'s still poorly tomorrow just text me {pphone} rather than ringing the office"),
    ("parent", "I've set up a gmail for class stuff: {pemail}, send photos there"),
    ("parent", "Ring me at home on {pland} and we can sort out the costume"),
    ("parent", "I'll be at the swimming gala, my number is {pnum} if you can't find us"),
    ("parent", "Thanks for the lovely card 💐 If you ever need me, {pemail}"),
    ("parent", "Sorry I missed your call! Try my mobile, {pphone}"),
    ("parent", "Send me the medical form at {pemail} and I'll print it"),
    ("parent", "Can you call me on {pnum}? Just about {kid}'s trip money, nothing to worry about"),
    ("parent", "Re the sleepover consent - reply to {pcontact} and I'll sort it tonight"),
]

REQUEST_POS = [
    ("pupil", "Great game today! {R:what's your number}? I'll text you the team news"),
    ("pupil", "hey {R:whats ur snap} so i can send u the pics 📸"),
    ("pupil", "{R:Where do you live}? I might be able to drop your jumper round"),
    ("pupil", "{R:send me your home address} and I'll post the certificate"),
    ("pupil", "{R:what's your insta}? I'll follow you 😊"),
    ("pupil", "{R:add me on WhatsApp, what's your number}?"),
    ("pupil", "{R:can I have your mobile number} so we can chat about the trip"),
    ("pupil", "{R:what road do you live on}? I go past there on my way home"),
    ("pupil", "{R:what's your email}, your own one not the school one?"),
    ("pupil", "{R:DM me your number} and I'll send the details"),
    ("pupil", "Brilliant effort in the cross country! {R:what's your TikTok}? Want to see the dance videos"),
    ("pupil", "{R:what's your home phone number}? I'll ring tonight"),
    ("pupil", "{R:wots ur number} need to tell u about saturday"),
    ("pupil", "{R:text me your address} and I'll bring the costume over"),
    ("pupil", "{R:what's your Roblox username}? I'll add you"),
    ("pupil", "{R:what's your name on Facebook}? I'll add you"),
    ("pupil", "{R:which house is yours} on {street}?"),
    ("pupil", "Need to send your medal on - {R:what's your address}?"),
    ("pupil", "{R:give me your number} and I'll let you know if training's off"),
    ("pupil", "{R:what's ur snapchat}?? 😂"),
    ("pupil", "{R:tell me your postcode} and I'll see if you're near me"),
    ("pupil", "{R:what's your personal email}? I'll send the revision notes there"),
    ("pupil", "{R:Whereabouts do you live} now you've moved?"),
    ("pupil", "{R:send me your number} so I can add you to my group chat"),
    ("comment", "Well played mate!! {R:what's your snapchat}, I'll send the pics"),
    ("comment", "Love this {pupil} 😍 {R:what's your insta}?"),
    ("comment", "Congrats on the county squad {pupil}! {R:what's your number}? I'll send you the fixtures"),
    ("comment", "{pupil} {R:where do u live} now? not seen u at the rec"),
]

MULTI_POS = [
    ("parent", "If it's easier, drop the costume at mine, {addr}, or text me on {pphone}"),
    ("parent", "I'm at {addr} - ring {pnum} when you're here and I'll come out"),
    ("parent", "Sure! I'm on {pnum} and the house is {addr}, {town}"),
    ("parent", "Pop round to {addr} for the cake tins, or email {pemail} if that's easier"),
    ("pupil", "Here's my number {pphone}, {R:what's yours}?"),
    ("pupil", "{R:send me your address} and I'll post it, or email me on {pemail}"),
    ("pupil", "Save my number {pphone} and {R:text me your snap}"),
    ("post", "New house, new age 😂 moved into {addr} on my birthday (born {dob}!)"),
    ("bio", "b. {dob} · 📍{addr}"),
    ("colleague", "For the HR form: DOB {dob}, address {addr}, {town}. Thanks hun"),
    ("public", "Booking for 2, lead name Kay Foster, DOB {dob}, address {addr}"),
]

ADDRESS_NEG = [
    ("post", "Only 5 minutes down the road and STILL managed to be late 🙃"),
    ("post", "3 lanes of traffic on the M{m} and all of them stopped 😤"),
    ("post", "Did a 10 mile walk round {town} today, legs are DEAD 🥾"),
    ("post", "My 3 kids went to the park and came back with 4 scooters?? 🤔"),
    ("post", "Road closed between 8 and 6 all week on {street}, great 🙄 #roadworks"),
    ("post", "Top 10 Street Food stalls at the {town} festival - number 4 blew my mind 🌮"),
    ("post", "Top 5 Walks in the Dales for little legs 👣"),
    ("post", "We were in Row 14, seat 3 for the panto - oh yes we were! 🎭"),
    ("post", "Platform 9 and 3/4 at King's Cross, obligatory photo 🧙"),
    ("post", "Gate 3 then a 2 hour delay. Classic holiday start ✈️"),
    ("post", "Finally finished Chapter 14 and I need a lie down 📚"),
    ("post", "We've lived on {street} for {n} years and still don't know the neighbours 😂"),
    ("post", "Reading page 12 for the 40th time because the toddler insists"),
    ("post", "Literally {n} streets away from a Greggs and I still drove 😂"),
    ("post", "Took the number {n} bus down {street} and it broke down, obviously"),
    ("post", "Lane 4 at the swimming gala and she smashed it 🏊"),
    ("post", "Back to square 1 with the sourdough starter 🍞"),
    ("post", "Court 2 booked for tennis at 6, who's in? 🎾"),
    ("post", "Open gardens weekend - 12 gardens to visit in {town}, tickets £5"),
    ("post", "{n} hours drive to Cornwall with the kids. Send wine 🍷"),
    ("post", "Christmas Street Party raised £340 for the hospice 🎄 thank you all!"),
    ("post", "Anyone else stuck at junction {n} on the M{m}? 🚗"),
    ("post", "The 2 streets near the park are getting speed bumps finally"),
    ("post", "{n} days of roadworks on {street} and not one person working 😂"),
    ("comment", "Ha! We're 5 minutes down the road from there"),
    ("comment", "It's off {street}, by the chippy"),
    ("comment", "Loved that walk, 10 miles of gorgeous lanes 😍"),
    ("comment", "We're on {street} too! Small world"),
    ("comment", "Unit 3 at the retail park I think? next to the Boots"),
    ("colleague", "Room 12 projector's playing up again, can you tell the site team?"),
    ("colleague", "Can you cover Class 4B period 3? I've got a dentist appt"),
    ("colleague", "Year {n} trip forms are in the tray by the door"),
    ("colleague", "Meeting moved to Room {n} after school 👍"),
    ("colleague", "Unit 3 in the maths scheme is fractions, then decimals"),
    ("colleague", "Parking's awful, I ended up 3 streets away 😩"),
    ("colleague", "Fire drill: line up at Gate 3 this time not the field"),
    ("colleague", "Which road is the coach parking on, {street}?"),
    ("colleague", "we're on chapter {n} of the class novel this week, page 12 if you're covering"),
    ("public", "Is the bike still available? I'm only 10 minutes from {street}"),
    ("public", "Do you deliver? I'm about 4 miles away, near {street}"),
    ("bio", "{town} 📍 | 2 kids, 1 dog, 0 patience"),
    ("bio", "Walker 🥾 | 100 miles for charity | Lakes lover"),
    ("loc", "{town}, UK"),
    ("loc", "Somewhere between {town} and the sea 🌊"),
    ("loc", "{street}, {town}"),
]

DOB_NEG = [
    ("post", "Happy birthday to my little one 🎂 {n} today!! Where did the time go"),
    ("post", "Our anniversary today 💍 married {pdate} and still haven't killed each other"),
    ("post", "Trip to the coast booked for {date} 🚂 can't wait"),
    ("post", "Nan's 90th party on {date} 🎉 everyone's coming"),
    ("comment", "Passport expires {date} 😬 panic renewal time"),
    ("post", "Born and bred {town} lass 💛"),
    ("post", "Born in the 80s, raised on Neighbours and Chewits 😂"),
    ("comment", "Happy birthday lovely!! 🎂🎈 have the best day"),
    ("colleague", "Reports deadline is {date} - don't shoot the messenger"),
    ("colleague", "Can you send me your DOB for the CPD booking? They need it by Friday"),
    ("colleague", "Fire safety training renewal due {date}, my last certificate is dated {pdate}"),
    ("parent", "Parents' evening is on {date}, slots from 3.30 🙂"),
    ("parent", "Flu spray day is {date}; consent forms back by {date2} please"),
    ("parent", "Could you pop {kid}'s date of birth on the trip form? The office needs it"),
    ("public", "The form says DOB but it won't let me type a date, is it broken?"),
    ("post", "Date of birth? More like date of birthday CAKE 🍰😂"),
    ("post", "The new album drops {date} and I have booked the day off 🎧"),
    ("comment", "Invoice dated {date} and still not paid 🙄"),
    ("colleague", "My birthday drinks are Friday {date} at the Crown 🍻"),
    ("post", "Got the keys on {pdate} and we STILL haven't finished the kitchen"),
    ("public", "My order from {date} hasn't arrived, ref 88213"),
    ("bio", "Est. {pdate} 💍 | Mr & Mrs | {town}"),
    ("post", "Baby's due date is {date} 🤰 eek!!"),
    ("comment", "Wedding's on {date} so save the date!! 💒"),
    ("parent", "{kid}'s birthday party is Sat {date} at the soft play, 2-4pm 🎈"),
    ("colleague", "Moderation is {date}, books in by {date2} pls"),
]

CONTACT_NEG = [
    ("pupil", "Any problems, the office number is {wphone} 😊"),
    ("pupil", "Please email me on {wemail} rather than here, thanks"),
    ("pupil", "If you ever need to talk to someone, Childline is 0800 1111, day or night 💙"),
    ("pupil", "I'll put the answers up on Google Classroom tonight"),
    ("pupil", "Your score was {n}/20 - well done!!"),
    ("pupil", "Bus leaves at 08:15 sharp, don't be late!"),
    ("pupil", "Upload your homework to Seesaw by Friday please"),
    ("pupil", "Turn to page {n3} and do questions 4 to 9"),
    ("pupil", "I can't give out my own number, sorry - ask at the office on {wphone}"),
    ("pupil", "If you're ever in danger call 999, or Childline on 0800 1111"),
    ("pupil", "Send your story to {wemail} and I'll print it for the display"),
    ("pupil", "Samaritans are on 116 123 if you need to talk to someone tonight"),
    ("pupil", "Email {office_email} if you've lost your lunch card"),
    ("pupil", "The minibus is number {n} in the car park, meet there at 8.45"),
    ("parent", "Any problems, ring the office on {wphone} 😊"),
    ("parent", "Please use my work email, {wemail}, I don't check this app much"),
    ("parent", "If you're worried out of hours please call NHS 111"),
    ("parent", "I'll send the photos via ClassDojo tonight 📸"),
    ("parent", "Best to message me on the school app rather than here"),
    ("parent", "Sorry, I'm not able to give my personal number out - the office is {wphone}"),
    ("parent", "The council's school transport team are on {org03}"),
    ("parent", "The trip is £{price}, paid via ParentPay by Friday please"),
    ("parent", "For the uniform bank just email {office_email}"),
    ("parent", "Family Lives' helpline is free on {free} if you need support over the holidays"),
    ("parent", "Police non-emergency is 101 if it happens again"),
    ("parent", "I'll ring you from school tomorrow, it'll show as {wphone}"),
    ("parent", "My extension is {n3} if you ring the office"),
    ("parent", "Can you send it to {wemail}? Thank you!"),
    ("parent", "Lovely to meet you! Best way to reach me is the office, {wphone}, or my work email {wemail}"),
    ("parent", "I'll pop the reading log on Tapestry for you"),
    ("parent", "I don't use WhatsApp with families I'm afraid, but Seesaw messages come straight to me"),
    ("parent", "Ring the office on {wphone} and they'll put you through to me"),
    ("colleague", "I'll text you my number later, phone's dead 🪫"),
    ("colleague", "my number's on the staff contact list if you need it"),
]

REQUEST_NEG = [
    ("pupil", "What's your reading book called? I'll find the next one 📚"),
    ("pupil", "Have you got your PE kit for tomorrow?"),
    ("pupil", "What's your answer to question 3? Show your working!"),
    ("pupil", "Ask your mum to sign the trip form please"),
    ("pupil", "What's your favourite part of the story so far?"),
    ("pupil", "What's your shirt number for Saturday's match? ⚽"),
    ("pupil", "Which house team are you in, Kestrel or Falcon?"),
    ("pupil", "What's your number bond to 10 for {n}? 🤔"),
    ("pupil", "What's your target for this half term?"),
    ("pupil", "Where do you think the Romans lived before they built the villa?"),
    ("pupil", "Where did you get to in your reading last night?"),
    ("pupil", "Can you tell your dad the match is at 10 not 11?"),
    ("pupil", "What's your number one tip for the new starters?"),
    ("pupil", "Send me your homework on Seesaw when it's done 👍"),
    ("pupil", "Add your name to the list on the door if you want to do choir"),
    ("pupil", "What's your plan for the science project?"),
    ("pupil", "What's your time for the 100m? Write it on the sheet"),
    ("pupil", "Who's your partner for the project?"),
    ("pupil", "Have you learnt your lines for Friday? 🎭"),
    ("pupil", "What's the capital of Peru? Bonus house point!"),
    ("pupil", "What's your best score on Times Tables Rock Stars so far?"),
    ("pupil", "Where's your homework diary? It needs signing"),
    ("comment", "What's your favourite book of all time? 📚"),
    ("comment", "Well done {pupil}, what a performance 👏"),
    ("parent", "Could you confirm your address for the trip form please?"),
    ("parent", "What's the best number to reach you on? The office only has your old one"),
    ("parent", "Could you update your email address with the office?"),
    ("colleague", "what's your number? I'll add you to the staff WhatsApp"),
    ("colleague", "where do you live again? I'll give you a lift to the course"),
    ("colleague", "What's your personal email so I can send the wedding invite? 💌"),
    ("public", "What's your best number for the delivery driver?"),
]

GENERAL_NEG = [
    ("post", "Sunday roast and a long walk, perfect weekend 🍂"),
    ("post", "Who else is counting down to half term 🙋"),
    ("comment", "This is gorgeous!! 😍"),
    ("bio", "Tea drinker ☕ | bookworm | dog walker"),
    ("post", "Cheers to everyone who came to the quiz night in {town}, raised loads 💛"),
    ("colleague", "Are you going to the staff social Friday?"),
    ("loc", "North Yorkshire 💚"),
    ("post", "New running shoes, same slow legs 🏃"),
    ("comment", "Haha that's brilliant {first} 😂"),
    ("public", "Is this still available? Could collect Saturday morning"),
]

# (templates, items wanted). Multi-label items add extra spans on top.
PLAN = [
    ("address", ADDRESS_POS, 95), ("dob", DOB_POS, 55), ("contact-pupil", CONTACT_PUPIL, 55),
    ("contact-parent", CONTACT_PARENT, 55), ("request", REQUEST_POS, 55), ("multi", MULTI_POS, 24),
    ("neg-address", ADDRESS_NEG, 65), ("neg-dob", DOB_NEG, 50), ("neg-contact", CONTACT_NEG, 70),
    ("neg-request", REQUEST_NEG, 55), ("neg-general", GENERAL_NEG, 20)]

RECIPIENTS = ("pupil", "parent", "colleague", "public")
KINDS = {"post": "post", "comment": "comment", "bio": "profile:bio", "loc": "profile:location"}
GREET = {
    "pupil": ["", "", "Hi {pupil}, ", "Hiya {pupil}! ", "{pupil} - ", "Morning {pupil}, "],
    "parent": ["", "", "Hi Mrs {last}, ", "Hi Mr {last}, ", "Hiya! ", "Hello, ", "Hi {kid}'s mum, ", "Morning! "],
    "colleague": ["", "", "Hey hun, ", "Morning! ", "Hi {first}, ", "Quick one - "],
    "public": ["", "Hi, ", "Hello, ", "Hi there, "]}
SIGN = {
    "pupil": ["", "", " Thanks!", " - {sir}", " 👍", " Cheers"],
    "parent": ["", "", " Thanks, {sir}", " Many thanks", " 😊", " x", " Thanks so much!"],
    "colleague": ["", "", " x", " ta", " 🙏", " Cheers!"],
    "public": ["", " Thanks", " Many thanks", " Cheers"],
    "post": ["", "", "", " 😂", " #weekend", " 🙌", " lol", " x"],
    "comment": ["", "", " x", " 😊", " lol"],
    "bio": [""], "loc": [""]}
SLOT = re.compile(r"\{(\w+)(?::([^}]*))?\}")


class Filler:
    """Random values for template slots; labelled slots return their rule."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)

    def name(self, part: str) -> str:
        """A Faker first or last name, never a roster name and letters only."""
        while True:
            value = getattr(self.fake, f"{part}_name")()
            if fold(value) not in AVOID and value.isalpha():
                return value

    def street(self) -> str:
        r = self.rng
        name = r.choice(STREET_NAMES) if r.random() < 0.8 else self.name("last")
        return f"{name} {r.choice(STREET_TYPES)}"

    def address(self) -> str:
        r = self.rng
        street, n, m = self.street(), r.randint(1, 180), r.randint(1, 24)
        form = r.random()
        if form < 0.50:
            return f"{n} {street}"
        if form < 0.60:
            return f"{n}{r.choice('abAB')} {street}"
        if form < 0.70:
            return f"Flat {m}, {n} {street}"
        if form < 0.75:
            return f"{r.choice(['Flat', 'Apartment', 'Apt'])} {m}{r.choice(['', 'b', 'A'])}, {n} {street}"
        if form < 0.77:
            return f"Unit {m}, {street}"
        if form < 0.92:
            name, kind = street.rsplit(" ", 1)
            kind = ABBREV.get(kind, ABBREV[r.choice(list(ABBREV))])
            return f"{n} {name} {kind}"
        return f"{n}, {street}"

    def date(self, years: tuple[int, int]) -> str:
        r = self.rng
        y, mo, d = r.randint(*years), r.randint(1, 12), r.randint(1, 28)
        mon = MONTHS[mo - 1]
        ordinal = f"{d}{'th' if 10 < d < 14 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"
        return r.choice([
            f"{d:02d}/{mo:02d}/{y}", f"{d}/{mo}/{y % 100:02d}", f"{d:02d}.{mo:02d}.{y % 100:02d}",
            f"{d:02d}-{mo:02d}-{y}", f"{y}-{mo:02d}-{d:02d}", f"{ordinal} {mon} {y}", f"{d} {mon[:3]} {y}",
            f"{mon} {ordinal}, {y}", f"{ordinal} of {mon} {y}", f"{d} {mon} {y}", f"{d:02d}.{mo:02d}.{y}",
        ])

    def mobile(self) -> str:
        t = f"{self.rng.randint(0, 999):03d}"
        return self.rng.choice([
            f"07700 900{t}", f"07700900{t}", f"07700-900-{t}", f"07700 900 {t}", f"+44 7700 900{t}",
            f"+447700900{t}", f"0044 7700 900{t}", f"(07700) 900{t}", f"+44 (0)7700 900{t}", f"07700 900-{t}",
        ])

    def landline(self) -> str:
        t, t4 = f"{self.rng.randint(0, 999):03d}", f"{self.rng.randint(0, 9999):04d}"
        return self.rng.choice([
            f"01632 960{t}", f"(01632) 960{t}", f"01632-960-{t}", f"+44 1632 960{t}",
            f"020 7946 0{t}", f"(020) 7946 0{t}", f"0207 946 0{t}", f"+44 20 7946 0{t}",
            f"0113 496 0{t}", f"0113-496-0{t}", f"0117 496 0{t}", f"(0117) 496 0{t}",
            f"0161 496 0{t}", f"0161-496-0{t}", f"028 9018 {t4}", f"029 2018 {t4}", f"02920 18{t4}",
        ])

    def email(self) -> str:
        r = self.rng
        first, last = fold(self.name("first")), fold(self.name("last"))
        local = r.choice([f"{first}.{last}", f"{first}{last}{r.randint(60, 99)}", f"{first[0]}{last}",
                          f"{first}_{last}", f"{first}{last}", f"mrs.{last}", f"{first}.{last}{r.randint(1, 9)}"])
        domain = r.choice(EMAIL_DOMAINS) if r.random() < 0.85 else r.choice([f"{last}family.co.uk", f"{first}{last}.me", f"{last}.me.uk"])
        form = r.random()
        if form < 0.80:
            return f"{local}@{domain}"
        if form < 0.88:
            return f"{local} at {domain.replace('.', ' dot ')}"
        if form < 0.94:
            return f"{local} [at] {domain.replace('.', ' [dot] ')}"
        return f"{local}(at){domain.replace('.', '(dot)')}"

    def fill(self, slot: str, arg: str | None) -> tuple[str, str | None]:
        r = self.rng
        labelled = {
            "addr": lambda: (self.address(), ADDR),
            "addr_lc": lambda: (self.address().lower(), ADDR),
            "dob": lambda: (self.date((1962, 2001)), DOB),
            "pphone": lambda: (self.mobile(), CONTACT),
            "pnum": lambda: (self.mobile() if r.random() < 0.6 else self.landline(), CONTACT),
            "pland": lambda: (self.landline(), CONTACT),
            "pemail": lambda: (self.email(), CONTACT),
            "pcontact": lambda: (r.choice([self.mobile, self.mobile, self.landline, self.email])(), CONTACT),
            "R": lambda: (arg, REQ),
        }
        if slot in labelled:
            return labelled[slot]()
        plain = {
            "town": lambda: r.choice(TOWNS),
            "street": self.street,
            "date": lambda: self.date((2024, 2026)), "date2": lambda: self.date((2024, 2026)), "pdate": lambda: self.date((2005, 2019)),
            "wemail": lambda: f"{r.choice([fold(self.name('first'))[0], fold(self.name('first'))])}.{fold(self.name('last'))}@{WORK_DOMAIN}",
            "office_email": lambda: f"{r.choice(['office', 'admin', 'enquiries', 'finance'])}@{WORK_DOMAIN}",
            "wphone": lambda: r.choice(WORK_PHONES),
            "org03": lambda: f"03069 990{r.randint(0, 999):03d}",
            "free": lambda: f"0808 157 0{r.randint(0, 999):03d}",
            "kid": lambda: r.choice(KIDS), "pupil": lambda: r.choice(KIDS), "first": lambda: self.name("first"), "last": lambda: self.name("last"),
            "sir": lambda: f"{r.choice(['Mrs', 'Mr', 'Miss', 'Ms'])} {self.name('last')}",
            "n": lambda: str(r.randint(2, 9)), "n3": lambda: str(r.randint(100, 299)), "m": lambda: str(r.choice([3, 4, 5, 6, 25, 27, 62])),
            "price": lambda: f"{r.randint(4, 35)}.{r.choice(['00', '50', '75'])}",
        }
        return plain[slot](), None


def fold(text: str) -> str:
    """Lower-case ASCII letters only (for email local parts and name checks)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_text.lower())


def render(filler: Filler, code: str, template: str) -> dict:
    """Fill one template (with a greeting/sign-off), returning the item without its id."""
    r = filler.rng
    greet = r.choice(GREET[code]) if code in GREET and template[0].isupper() else ""
    sign = r.choice(SIGN[code])
    full = greet + template + ("" if sign.strip() and sign.strip() in template[-8:] else sign)
    parts: list[str] = []
    spans: list[tuple[str, int, int, str]] = []
    pos = 0
    for m in SLOT.finditer(full):
        parts.append(full[pos:m.start()])
        value, rule = filler.fill(m.group(1), m.group(2))
        start = sum(len(p) for p in parts)
        parts.append(value)
        if rule:
            spans.append((rule, start, start + len(value), value))
        pos = m.end()
    parts.append(full[pos:])
    text = "".join(parts)
    for rule, start, end, value in spans:
        assert text[start:end] == value, (text, value)
        assert value == value.strip() and value, value
        assert rule != CONTACT or code in ("pupil", "parent"), template
        assert rule != REQ or code in ("pupil", "comment"), template
    is_msg = code in RECIPIENTS
    return {
        "text": text,
        "kind": "message" if is_msg else KINDS[code],
        "to": code if is_msg else None,
        "expected": [{"rule": rl, "start": s, "end": e} for rl, s, e, _ in sorted(spans, key=lambda x: x[1])],
    }


def build() -> list[dict]:
    filler = Filler(SEED)
    items: list[dict] = []
    seen: set[str] = set()
    for group, templates, wanted in PLAN:
        order = list(templates)
        filler.rng.shuffle(order)
        made, tries = 0, 0
        while made < wanted:
            tries += 1
            assert tries < wanted * 50, f"{group}: cannot make {wanted} distinct items"
            code, template = order[tries % len(order)]
            item = render(filler, code, template)
            if item["text"] in seen:
                continue
            positive = bool(item["expected"])
            assert positive == (not group.startswith("neg")), (group, template)
            seen.add(item["text"])
            items.append(item)
            made += 1
    filler.rng.shuffle(items)
    return [{"id": f"c6-{i:04d}", **item} for i, item in enumerate(items, 1)]


def main() -> None:
    items = build()
    n_templates = sum(len(t) for _, t, _ in PLAN)
    assert n_templates >= 80
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    by_rule: dict[str, int] = {}
    for item in items:
        for span in item["expected"]:
            by_rule[span["rule"]] = by_rule.get(span["rule"], 0) + 1
    negatives = sum(1 for item in items if not item["expected"])
    print(f"wrote {len(items)} items ({n_templates} templates) to {OUT.relative_to(ROOT)}")
    print("spans per rule:", json.dumps(by_rule, indent=1, sort_keys=True))
    print("negatives:", negatives, "| multi-label items:", sum(1 for i in items if len(i["expected"]) > 1))


if __name__ == "__main__":
    main()
