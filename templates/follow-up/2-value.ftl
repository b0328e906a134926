<#-- Step 2, about a week in: give something useful and ask for nothing.
     To share something picked for one contact (a link, a book, an article),
     set their custom field "resource"; otherwise an offer of help is sent. -->
Subject: A thought since we spoke

Hi ${contact.firstName!"there"},

<#if contact.fields.resource??>
Since we talked, I came across something I think you will find useful: ${contact.fields.resource}

No need to reply; I just thought of you when I saw it.
<#else>
Since we talked, I have been thinking about what you are working on<#if contact.company??> at ${contact.company}</#if>. If there is a question I could help with, or someone you would like an introduction to, just reply and say so. I'm happy to help, no strings attached.
</#if>

If it would be easier to talk something through, I'm glad to find 15 minutes next week.

Best,
${sender.name}
