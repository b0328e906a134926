<#-- Step 3, about a month in: a friendly check-in and the last note of the sequence. -->
Subject: Checking in

Hi ${contact.firstName!"there"},

It has been about a month since we spoke, so I wanted to check in<#if contact.company??> and see how things are going at ${contact.company}</#if>.

If now is not the right time, no problem at all; this is my last note for now. And if it would help to pick up where we left off, a 15-minute call is easy to arrange: just reply with a time that suits you.

All the best,
${sender.name}
